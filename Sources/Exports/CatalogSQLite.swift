import CSQLite
import Catalog
import Foundation

/// The catalog as an SQLite database, for systems that query it (the statistics office, a
/// kiosk's back end): one table per entity, English snake_case column names, Chinese values
/// as the model holds them, primary and foreign keys enforced while writing.
///
/// Written in one transaction into a temporary file beside the destination, checked with
/// `PRAGMA foreign_key_check`, then renamed into place. See ``ddl`` for the tables.
///
/// Conventions: `position` is the 0-based order of a row within its parent (an item's
/// materials, a step's transitions …) or within the catalog (agencies, windows …); booleans
/// are 0/1; a time limit is a `…_kind` (`immediate`, `workingDays`, `calendarDays`) and
/// `…_days` (0 for `immediate`) pair; `items.fees_kind` is `free` or `charged`, the fees
/// charged being rows of `fees`. `PRAGMA user_version` is the catalog format version.
public enum CatalogSQLite {
    /// Writes the database to `path`, replacing any file there; the public view unless
    /// `variant` is `.internal` (only then do `staff_roles`, `materials.review_points` and
    /// `items.supervision` hold anything).
    public static func write(_ catalog: Catalog, variant: ExportVariant = .public, to path: String) throws {
        let view = variant.view(of: catalog)
        try ExportFile.replace(path) { temporary in
            do {
                let db = try Database(path: temporary)
                do {
                    try fill(db, view, variant: variant)
                    try db.close()
                } catch {
                    try? db.close()
                    throw error
                }
            } catch ExportError.io(_, let message) {
                // The file asked for, not the temporary one beside it.
                throw ExportError.io(path: path, message: message)
            }
        }
    }

    /// The tables, in creation order.
    public static let ddl: [String] = [
        """
        CREATE TABLE meta (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE standards (
          position INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE
        )
        """,
        """
        CREATE TABLE internal_elements (
          key TEXT PRIMARY KEY
        )
        """,
        """
        CREATE TABLE agencies (
          id TEXT PRIMARY KEY,
          position INTEGER NOT NULL UNIQUE,
          name TEXT NOT NULL,
          credit_code TEXT,
          address TEXT,
          phone TEXT,
          website TEXT
        )
        """,
        """
        CREATE TABLE windows (
          id TEXT PRIMARY KEY,
          position INTEGER NOT NULL UNIQUE,
          name TEXT NOT NULL,
          category TEXT NOT NULL,  -- a value of the profiles' code set 窗口类别
          location TEXT,
          hours TEXT,
          phone TEXT
        )
        """,
        """
        CREATE TABLE laws (
          id TEXT PRIMARY KEY,
          position INTEGER NOT NULL UNIQUE,
          name TEXT NOT NULL,
          level TEXT NOT NULL,
          document_number TEXT,
          effective_date TEXT,
          url TEXT
        )
        """,
        """
        CREATE TABLE shared_materials (
          id TEXT PRIMARY KEY,
          position INTEGER NOT NULL UNIQUE,
          name TEXT NOT NULL,
          source TEXT,
          shareable INTEGER NOT NULL CHECK (shareable IN (0, 1)),
          form TEXT CHECK (form IN (\(sqlList(MaterialForm.allCases.map(\.rawValue))))),
          copies INTEGER CHECK (copies > 0),
          medium TEXT,
          requirement TEXT
        )
        """,
        """
        CREATE TABLE items (
          code TEXT PRIMARY KEY,
          position INTEGER NOT NULL UNIQUE,
          name TEXT NOT NULL,
          type TEXT NOT NULL,
          agency_id TEXT NOT NULL REFERENCES agencies (id),
          scope TEXT,
          case_type TEXT CHECK (case_type IN (\(sqlList(CaseType.allCases.map(\.rawValue))))),
          statutory_kind TEXT CHECK (statutory_kind IN (\(timeKinds))),
          statutory_days INTEGER CHECK (statutory_days >= 0),
          promised_kind TEXT CHECK (promised_kind IN (\(timeKinds))),
          promised_days INTEGER CHECK (promised_days >= 0),
          fees_kind TEXT CHECK (fees_kind IN ('free', 'charged')),
          rights_and_obligations TEXT,
          consultation_phone TEXT,
          consultation_address TEXT,
          consultation_website TEXT,
          consultation_email TEXT,
          reconsideration TEXT,
          litigation TEXT,
          certificate_name TEXT,
          certificate_validity TEXT,
          certificate_sample TEXT,
          progress_query TEXT,
          supervision TEXT,
          no_statutory_limit INTEGER NOT NULL CHECK (no_statutory_limit IN (0, 1)),
          statutory_note TEXT,
          promised_note TEXT,
          result_type TEXT,
          result_name TEXT,
          result_validity TEXT,
          result_sample TEXT,
          basic_code TEXT,
          implementation_code TEXT,
          exercise_level TEXT,
          implementer_nature TEXT,
          power_source TEXT,
          entrusting_agency_id TEXT REFERENCES agencies (id),
          on_site_visits INTEGER CHECK (on_site_visits BETWEEN 0 AND 3),
          on_site_reason TEXT,
          online_url TEXT,
          handling_area TEXT,
          complaint_phone TEXT,
          complaint_website TEXT,
          complaint_address TEXT,
          complaint_email TEXT,
          quantity_limit TEXT,
          commitment_pledge TEXT,
          commitment_verification TEXT,
          version INTEGER CHECK (version > 0),
          effective_date TEXT,
          repeal_date TEXT
        )
        """,
        """
        CREATE TABLE item_service_objects (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          value TEXT NOT NULL,
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE item_windows (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          window_id TEXT NOT NULL REFERENCES windows (id),
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE item_handling_forms (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          value TEXT NOT NULL,
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE item_conditions (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          text TEXT NOT NULL,
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE legal_bases (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          law_id TEXT NOT NULL REFERENCES laws (id),
          article TEXT,
          text TEXT,
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE materials (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          shared_material_id TEXT REFERENCES shared_materials (id),
          form TEXT CHECK (form IN (\(sqlList(MaterialForm.allCases.map(\.rawValue))))),
          copies INTEGER CHECK (copies > 0),
          medium TEXT,
          source TEXT,
          necessity TEXT NOT NULL CHECK (necessity IN (\(sqlList(Necessity.allCases.map(\.rawValue))))),
          requirement TEXT,
          condition TEXT,
          review_points TEXT,
          shareable INTEGER NOT NULL CHECK (shareable IN (0, 1)),
          exemption TEXT CHECK (exemption IN (\(sqlList(ExemptionReason.allCases.map(\.rawValue))))),
          verify_original INTEGER NOT NULL CHECK (verify_original IN (0, 1)),
          original_copies INTEGER CHECK (original_copies > 0),
          photocopies INTEGER CHECK (photocopies > 0),
          blank_form TEXT,
          sample_form TEXT,
          filling_notes TEXT,
          deferral_kind TEXT CHECK (deferral_kind IN (\(timeKinds))),
          deferral_days INTEGER CHECK (deferral_days >= 0),
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE steps (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          role TEXT,
          time_limit_kind TEXT CHECK (time_limit_kind IN (\(timeKinds))),
          time_limit_days INTEGER CHECK (time_limit_days >= 0),
          is_timed INTEGER NOT NULL CHECK (is_timed IN (0, 1)),
          note TEXT,
          outcome TEXT CHECK (outcome IN (\(sqlList(Outcome.allCases.map(\.rawValue))))),
          PRIMARY KEY (item_code, position),
          UNIQUE (item_code, name)
        )
        """,
        """
        CREATE TABLE transitions (
          item_code TEXT NOT NULL,
          from_step TEXT NOT NULL,
          position INTEGER NOT NULL,
          condition TEXT,
          to_step TEXT NOT NULL,
          PRIMARY KEY (item_code, from_step, position),
          FOREIGN KEY (item_code, from_step) REFERENCES steps (item_code, name),
          FOREIGN KEY (item_code, to_step) REFERENCES steps (item_code, name)
        )
        """,
        """
        CREATE TABLE fees (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          standard TEXT NOT NULL,
          basis TEXT,
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE staff_roles (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          role TEXT NOT NULL,
          duties TEXT,
          qualification TEXT,
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE additional_elements (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          key TEXT NOT NULL,
          title TEXT NOT NULL,
          is_internal INTEGER NOT NULL CHECK (is_internal IN (0, 1)),
          kind TEXT NOT NULL CHECK (kind IN ('text', 'list')),
          text TEXT,
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE additional_element_entries (
          item_code TEXT NOT NULL,
          element_position INTEGER NOT NULL,
          position INTEGER NOT NULL,
          text TEXT NOT NULL,
          PRIMARY KEY (item_code, element_position, position),
          FOREIGN KEY (item_code, element_position) REFERENCES additional_elements (item_code, position)
        )
        """,
        """
        CREATE TABLE bundles (
          code TEXT PRIMARY KEY,
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          mode TEXT NOT NULL CHECK (mode IN (\(sqlList(BundleMode.allCases.map(\.rawValue))))),
          lead_agency_id TEXT REFERENCES agencies (id),
          window_category TEXT NOT NULL,
          promised_kind TEXT CHECK (promised_kind IN (\(timeKinds))),
          promised_days INTEGER,
          note TEXT,
          critical_working_days INTEGER,
          critical_calendar_days INTEGER,
          one_by_one_working_days INTEGER,
          one_by_one_calendar_days INTEGER,
          statutory_working_days INTEGER,
          statutory_calendar_days INTEGER,
          materials_before_merge INTEGER NOT NULL,
          materials_after_merge INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE bundle_members (
          bundle_code TEXT NOT NULL REFERENCES bundles (code),
          stage INTEGER NOT NULL,
          stage_name TEXT,
          position INTEGER NOT NULL,
          item_code TEXT NOT NULL REFERENCES items (code),
          PRIMARY KEY (bundle_code, item_code)
        )
        """,
        """
        CREATE TABLE bundle_materials (
          bundle_code TEXT NOT NULL REFERENCES bundles (code),
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          shared_material_id TEXT REFERENCES shared_materials (id),
          form TEXT CHECK (form IN (\(sqlList(MaterialForm.allCases.map(\.rawValue))))),
          copies INTEGER CHECK (copies > 0),
          medium TEXT,
          source TEXT,
          necessity TEXT NOT NULL CHECK (necessity IN (\(sqlList(Necessity.allCases.map(\.rawValue))))),
          condition TEXT,
          shareable INTEGER NOT NULL CHECK (shareable IN (0, 1)),
          exemption TEXT CHECK (exemption IN (\(sqlList(ExemptionReason.allCases.map(\.rawValue))))),
          needed_by TEXT NOT NULL,
          PRIMARY KEY (bundle_code, position)
        )
        """,
        // The national 实施清单 elements (GB/T 39554.2-2020); empty for other catalogs.
        """
        CREATE TABLE code_sets (
          set_name TEXT NOT NULL,
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          code TEXT,
          PRIMARY KEY (set_name, position),
          UNIQUE (set_name, name)
        )
        """,
        """
        CREATE TABLE handling_items (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          code TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE item_joint_agencies (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          agency_id TEXT NOT NULL REFERENCES agencies (id),
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE item_online_depths (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          value TEXT NOT NULL,
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE special_procedures (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          kind TEXT NOT NULL,
          limit_kind TEXT CHECK (limit_kind IN (\(timeKinds))),
          limit_days INTEGER CHECK (limit_days >= 0),
          law_id TEXT REFERENCES laws (id),
          article TEXT,
          text TEXT,
          note TEXT,
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE delivery_methods (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          value TEXT NOT NULL,
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE faqs (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          question TEXT NOT NULL,
          answer TEXT NOT NULL,
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE commitment_replaced_materials (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          material_name TEXT NOT NULL,
          PRIMARY KEY (item_code, position)
        )
        """,
    ] + ScenarioInserters.ddl + [
        "CREATE INDEX items_by_agency ON items (agency_id)",
        "CREATE INDEX item_windows_by_window ON item_windows (window_id)",
        "CREATE INDEX legal_bases_by_law ON legal_bases (law_id)",
        "CREATE INDEX materials_by_shared_material ON materials (shared_material_id)",
        "CREATE INDEX transitions_by_target ON transitions (item_code, to_step)",
    ]

    static let timeKinds = "'immediate', 'workingDays', 'calendarDays'"

    static func sqlList(_ values: [String]) -> String {
        values.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ", ")
    }

    private static func fill(_ db: Database, _ c: Catalog, variant: ExportVariant) throws {
        try db.execute("PRAGMA foreign_keys = ON")
        try db.execute("PRAGMA journal_mode = MEMORY")
        try db.execute("PRAGMA user_version = \(c.formatVersion)")
        try db.execute("BEGIN")
        for statement in ddl { try db.execute(statement) }

        let meta = try db.inserter("meta", ["key", "value"])
        try meta.insert("format_version", String(c.formatVersion))
        try meta.insert("name", c.name)
        try meta.insert("region", c.region)
        try meta.insert("variant", variant.rawValue)
        if let r = c.internalControlLine { try meta.insert("internal_control_line", "\(r.numerator)/\(r.denominator)") }
        if let note = c.timeLimitNote { try meta.insert("time_limit_note", note) }
        let standards = try db.inserter("standards", ["position", "id"])
        for (i, s) in c.standards.enumerated() { try standards.insert(i, s) }
        let internalElements = try db.inserter("internal_elements", ["key"])
        for key in Set(c.internalElements).sorted() { try internalElements.insert(key) }

        let agencies = try db.inserter("agencies", ["id", "position", "name", "credit_code", "address", "phone", "website"])
        for (i, a) in c.agencies.enumerated() {
            try agencies.insert(a.id, i, a.name, a.creditCode, a.address, a.phone, a.website)
        }
        let windows = try db.inserter("windows", ["id", "position", "name", "category", "location", "hours", "phone"])
        for (i, w) in c.windows.enumerated() {
            try windows.insert(w.id, i, w.name, w.category, w.location, w.hours, w.phone)
        }
        let laws = try db.inserter("laws", ["id", "position", "name", "level", "document_number", "effective_date", "url"])
        for (i, l) in c.laws.enumerated() {
            try laws.insert(l.id, i, l.name, l.level, l.documentNumber, l.effectiveDate, l.url)
        }
        let shared = try db.inserter(
            "shared_materials", ["id", "position", "name", "source", "shareable", "form", "copies", "medium", "requirement"])
        for (i, m) in c.sharedMaterials.enumerated() {
            try shared.insert(m.id, i, m.name, m.source, m.shareable, m.form?.rawValue, m.copies, m.medium, m.requirement)
        }

        let items = try db.inserter("items", [
            "code", "position", "name", "type", "agency_id", "scope", "case_type",
            "statutory_kind", "statutory_days", "promised_kind", "promised_days", "fees_kind",
            "rights_and_obligations", "consultation_phone", "consultation_address", "consultation_website",
            "consultation_email", "reconsideration", "litigation", "certificate_name", "certificate_validity",
            "certificate_sample", "progress_query", "supervision",
            "no_statutory_limit", "statutory_note", "promised_note", "result_type", "result_name", "result_validity",
            "result_sample", "basic_code", "implementation_code", "exercise_level", "implementer_nature",
            "power_source", "entrusting_agency_id", "on_site_visits", "on_site_reason", "online_url", "handling_area",
            "complaint_phone", "complaint_website", "complaint_address", "complaint_email", "quantity_limit",
            "commitment_pledge", "commitment_verification", "version", "effective_date", "repeal_date",
        ])
        let serviceObjects = try db.inserter("item_service_objects", ["item_code", "position", "value"])
        let itemWindows = try db.inserter("item_windows", ["item_code", "position", "window_id"])
        let handlingForms = try db.inserter("item_handling_forms", ["item_code", "position", "value"])
        let conditions = try db.inserter("item_conditions", ["item_code", "position", "text"])
        let legalBases = try db.inserter("legal_bases", ["item_code", "position", "law_id", "article", "text"])
        let materials = try db.inserter("materials", [
            "item_code", "position", "name", "shared_material_id", "form", "copies", "medium", "source",
            "necessity", "requirement", "condition", "review_points", "shareable",
            "exemption", "verify_original", "original_copies", "photocopies", "blank_form", "sample_form",
            "filling_notes", "deferral_kind", "deferral_days",
        ])
        let national = try NationalInserters(db)
        try national.insert(codeSets: c.codeSets)
        let scenarios = try ScenarioInserters(db)
        let steps = try db.inserter("steps", [
            "item_code", "position", "name", "role", "time_limit_kind", "time_limit_days", "is_timed", "note", "outcome",
        ])
        let transitions = try db.inserter("transitions", ["item_code", "from_step", "position", "condition", "to_step"])
        let fees = try db.inserter("fees", ["item_code", "position", "name", "standard", "basis"])
        let staff = try db.inserter("staff_roles", ["item_code", "position", "role", "duties", "qualification"])
        let additional = try db.inserter(
            "additional_elements", ["item_code", "position", "key", "title", "is_internal", "kind", "text"])
        let entries = try db.inserter("additional_element_entries", ["item_code", "element_position", "position", "text"])

        for (index, item) in c.items.enumerated() {
            let code = item.code
            let n = item.national
            let feesKind: String? = switch item.fees {
            case nil: nil
            case .free?: "free"
            case .charged?: "charged"
            }
            try items.insert(
                code, index, item.name, item.type, item.agencyID, item.scope, item.caseType?.rawValue,
                kind(item.timeLimits?.statutory), item.timeLimits?.statutory?.days,
                kind(item.timeLimits?.promised), item.timeLimits?.promised?.days, feesKind,
                item.rightsAndObligations, item.consultation?.phone, item.consultation?.address,
                item.consultation?.website, item.consultation?.email, item.remedies?.reconsideration,
                item.remedies?.litigation, item.certificate?.name, item.certificate?.validity,
                item.certificate?.sample, item.progressQuery, item.supervision,
                item.timeLimits?.noStatutoryLimit ?? false, item.timeLimits?.statutoryNote,
                item.timeLimits?.promisedNote, item.result?.type, item.result?.name, item.result?.validity,
                item.result?.sample, n.basicCode, n.implementationCode, n.exerciseLevel, n.implementerNature,
                n.powerSource, n.entrustingAgencyID, n.onSiteVisits, n.onSiteReason, n.onlineURL, n.handlingArea,
                n.complaint?.phone, n.complaint?.website, n.complaint?.address, n.complaint?.email, n.quantityLimit,
                n.commitment?.pledgeMaterial, n.commitment?.verification, n.version, n.effectiveDate, n.repealDate)
            try national.insert(item)
            for (i, v) in item.serviceObjects.enumerated() { try serviceObjects.insert(code, i, v) }
            for (i, v) in item.windowIDs.enumerated() { try itemWindows.insert(code, i, v) }
            for (i, v) in item.handlingForms.enumerated() { try handlingForms.insert(code, i, v) }
            for (i, v) in item.conditions.enumerated() { try conditions.insert(code, i, v) }
            for (i, b) in item.legalBasis.enumerated() { try legalBases.insert(code, i, b.lawID, b.article, b.text) }
            for (i, m) in item.materials.enumerated() {
                try materials.insert(
                    code, i, m.name, m.libraryID, m.form?.rawValue, m.copies, m.medium, m.source,
                    m.necessity.rawValue, m.requirement, m.condition, m.reviewPoints, m.shareable,
                    m.exemption?.rawValue, m.verifyOriginal, m.originalCopies, m.photocopies, m.blankForm,
                    m.sampleForm, m.fillingNotes, kind(m.deferralLimit), m.deferralLimit?.days)
            }
            for (i, s) in item.flow.enumerated() {
                try steps.insert(
                    code, i, s.name, s.role, kind(s.timeLimit), s.timeLimit?.days, s.isTimed, s.note, s.outcome?.rawValue)
            }
            // After every step of the item: a transition may point forward.
            for s in item.flow {
                for (i, t) in s.transitions.enumerated() { try transitions.insert(code, s.name, i, t.condition, t.target) }
            }
            if case .charged(let list)? = item.fees {
                for (i, f) in list.enumerated() { try fees.insert(code, i, f.name, f.standard, f.basis) }
            }
            for (i, r) in item.staff.enumerated() { try staff.insert(code, i, r.role, r.duties, r.qualification) }
            try scenarios.insert(item)
            for (i, e) in item.additionalElements.enumerated() {
                switch e.value {
                case .text(let t): try additional.insert(code, i, e.key, e.title, e.isInternal, "text", t)
                case .list(let list):
                    try additional.insert(code, i, e.key, e.title, e.isInternal, "list", nil)
                    for (j, t) in list.enumerated() { try entries.insert(code, i, j, t) }
                }
            }
        }
        let bundles = try db.inserter("bundles", [
            "code", "position", "name", "mode", "lead_agency_id", "window_category", "promised_kind", "promised_days",
            "note", "critical_working_days", "critical_calendar_days", "one_by_one_working_days",
            "one_by_one_calendar_days", "statutory_working_days", "statutory_calendar_days",
            "materials_before_merge", "materials_after_merge",
        ])
        let members = try db.inserter("bundle_members", ["bundle_code", "stage", "stage_name", "position", "item_code"])
        let bundleMaterials = try db.inserter("bundle_materials", [
            "bundle_code", "position", "name", "shared_material_id", "form", "copies", "medium", "source", "necessity",
            "condition", "shareable", "exemption", "needed_by",
        ])
        for (index, b) in c.bundles.enumerated() {
            let f = b.figures
            try bundles.insert(
                b.code, index, b.name, b.mode.rawValue, b.leadAgencyID.isEmpty ? nil : b.leadAgencyID,
                b.windowCategory, kind(b.promised), b.promised?.days, b.note,
                f.criticalPath?.workingDays, f.criticalPath?.calendarDays, f.oneByOne?.workingDays,
                f.oneByOne?.calendarDays, f.statutoryPath?.workingDays, f.statutoryPath?.calendarDays,
                f.materialsBeforeMerge, f.materialsAfterMerge)
            var position = 0
            for (stage, s) in b.stages.enumerated() {
                for code in s.itemCodes {
                    try members.insert(b.code, stage, s.name, position, code)
                    position += 1
                }
            }
            for (i, m) in b.materials.enumerated() {
                try bundleMaterials.insert(
                    b.code, i, m.name, m.libraryID, m.form?.rawValue, m.copies, m.medium, m.source, m.necessity.rawValue,
                    m.condition, m.shareable, m.exemption?.rawValue, m.neededBy.joined(separator: ","))
            }
            try scenarios.insert(b)
        }
        for statement in [items, serviceObjects, itemWindows, handlingForms, conditions, legalBases, materials,
                          steps, transitions, fees, staff, additional, entries, meta, standards, internalElements,
                          agencies, windows, laws, shared, bundles, members, bundleMaterials] + national.all + scenarios.all {
            statement.finalize()
        }
        let violations = try db.rows("PRAGMA foreign_key_check")
        if !violations.isEmpty {
            throw ExportError.sqlite("foreign keys violated: " + violations.map { $0.map { $0 ?? "NULL" }.joined(separator: " ") }.joined(separator: "; "))
        }
        try ScenarioInserters.check(db)
        try db.execute("COMMIT")
    }

    static func kind(_ limit: TimeLimit?) -> String? {
        switch limit {
        case nil: nil
        case .immediate?: "immediate"
        case .workingDays?: "workingDays"
        case .calendarDays?: "calendarDays"
        }
    }
}

// MARK: - A thin layer over the C API

/// A value bound to a statement parameter.
protocol SQLiteValue {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension String: SQLiteValue {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        var bytes = Array(utf8)
        let count = bytes.count
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                sqlite3_bind_text(statement, index, $0, Int32(count), transient)
            }
        }
    }
}

extension Int: SQLiteValue {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
}

extension Bool: SQLiteValue {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self ? 1 : 0)
    }
}

/// A database connection that throws ``ExportError/sqlite(_:)`` with SQLite's own message,
/// or ``ExportError/io(path:message:)`` when the file system failed it (a full disk).
final class Database {
    private var handle: OpaquePointer?

    init(path: String) throws {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            // The operating system's reason (ENOENT, EACCES …) says more than SQLite's "unable to open".
            let message = db.flatMap { db in
                let code = sqlite3_system_errno(db)
                return code != 0 ? String(cString: strerror(code)) : String(cString: sqlite3_errmsg(db))
            } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close(db)
            throw ExportError.io(path: path, message: message)
        }
        sqlite3_extended_result_codes(db, 1)
        handle = db
    }

    deinit { if handle != nil { sqlite3_close(handle) } }

    func close() throws {
        guard let db = handle else { return }
        handle = nil
        let rc = sqlite3_close(db)
        if rc != SQLITE_OK {
            throw systemFailure(rc) ?? ExportError.sqlite("closing the database: \(String(cString: sqlite3_errstr(rc)))")
        }
    }

    private var db: OpaquePointer {
        get throws {
            guard let handle else { throw ExportError.sqlite("the database is closed") }
            return handle
        }
    }

    /// The error of a call that returned `rc`: the file system's failure, if it is one,
    /// else SQLite's message.
    func error(_ what: String, _ rc: Int32) -> ExportError {
        systemFailure(rc) ?? .sqlite("\(what): \(handle.map { String(cString: sqlite3_errmsg($0)) } ?? "no database")")
    }

    /// ``ExportError/io(path:message:)`` with the system's reason when the file system
    /// failed the call that returned `rc` (a full disk, a file size limit); the path is
    /// named by ``CatalogSQLite/write(_:variant:to:)``. `SQLITE_FULL` is a full disk (SQLite
    /// keeps no errno for it); for `SQLITE_IOERR` the database file keeps the errno of its
    /// last failed call (`EFBIG`, `EDQUOT`, `EIO` …).
    func systemFailure(_ rc: Int32) -> ExportError? {
        let code: Int32
        switch rc & 0xff {
        case SQLITE_FULL: code = ENOSPC
        case SQLITE_IOERR: code = lastErrno ?? EIO
        default: return nil
        }
        return .io(path: "", message: String(cString: strerror(code)))
    }

    /// The errno of the database file's last failed system call, if there is one.
    private var lastErrno: Int32? {
        var value: Int32 = 0
        guard let handle, sqlite3_file_control(handle, "main", SQLITE_FCNTL_LAST_ERRNO, &value) == SQLITE_OK, value != 0 else {
            return nil
        }
        return value
    }

    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(try db, sql, nil, nil, &message)
        guard rc != SQLITE_OK else { return }
        let text = message.map { String(cString: $0) } ?? "error"
        sqlite3_free(message)
        throw systemFailure(rc) ?? .sqlite("\(sql.split(separator: "\n").first ?? ""): \(text)")
    }

    /// Every row of a query, each column as text (NULL as nil).
    func rows(_ sql: String) throws -> [[String?]] {
        var statement: OpaquePointer?
        let prepared = sqlite3_prepare_v2(try db, sql, -1, &statement, nil)
        guard prepared == SQLITE_OK, let statement else { throw error(sql, prepared) }
        defer { sqlite3_finalize(statement) }
        var result: [[String?]] = []
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw error(sql, rc) }
            result.append((0..<sqlite3_column_count(statement)).map { i in
                sqlite3_column_text(statement, i).map { String(cString: $0) }
            })
        }
        return result
    }

    func inserter(_ table: String, _ columns: [String]) throws -> Inserter {
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        var statement: OpaquePointer?
        let prepared = sqlite3_prepare_v2(try db, sql, -1, &statement, nil)
        guard prepared == SQLITE_OK, let statement else { throw error(sql, prepared) }
        return Inserter(database: self, table: table, statement: statement, columns: columns.count)
    }

    /// A prepared `INSERT`, run once per row.
    final class Inserter {
        let database: Database
        let table: String
        private var statement: OpaquePointer?
        let columns: Int

        init(database: Database, table: String, statement: OpaquePointer, columns: Int) {
            self.database = database
            self.table = table
            self.statement = statement
            self.columns = columns
        }

        deinit { finalize() }

        func finalize() {
            if let statement { sqlite3_finalize(statement) }
            statement = nil
        }

        func insert(_ values: (any SQLiteValue)?...) throws {
            guard let statement else { throw ExportError.sqlite("INSERT INTO \(table): statement finalized") }
            precondition(values.count == columns, "INSERT INTO \(table): \(values.count) values for \(columns) columns")
            defer {
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
            }
            for (i, value) in values.enumerated() {
                let rc = value.map { $0.bind(to: statement, at: Int32(i + 1)) } ?? sqlite3_bind_null(statement, Int32(i + 1))
                guard rc == SQLITE_OK else { throw database.error("INSERT INTO \(table)", rc) }
            }
            let rc = sqlite3_step(statement)
            guard rc == SQLITE_DONE else { throw database.error("INSERT INTO \(table)", rc) }
        }
    }
}
