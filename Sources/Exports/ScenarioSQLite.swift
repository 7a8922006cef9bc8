import Catalog

/// The rows of 情形 (FORMAT.md "情形: scenario-based guides"): each item's questions and
/// their options, its 情形差异, and one table of 适用情形 for materials, 审批条件, fees, steps
/// and 情形差异. Empty for a catalog without 情形.
///
/// `applicability` has a row per option under which its subject applies: `subject` says
/// which table the subject is in (`material` → `materials`, `condition` → `item_conditions`,
/// `fee` → `fees`, `step` → `steps`, `variant` → `scenario_variants`) and `subject_position`
/// is its `position` there. Options of one question are alternatives (or), different
/// questions must all hold (and); a subject without rows applies to everyone. Clauses are in
/// the questions' order and options in the question's order (`scenario_options.position`).
/// SQLite cannot point one column at five tables, so the writer checks each row's subject
/// exists as it checks the foreign keys (``check(_:)``).
///
/// A 一件事 asks its members' questions merged (`bundle_questions`, `bundle_options`), and a
/// merged material applies when any of its alternatives holds: `bundle_applicability` has a
/// row per option of each alternative (`alternative` numbers them from 0; within one, the
/// and/or rules above). A merged material without rows is needed by everyone.
struct ScenarioInserters {
    let questions: Database.Inserter
    let options: Database.Inserter
    let variants: Database.Inserter
    let applicability: Database.Inserter
    let bundleQuestions: Database.Inserter
    let bundleOptions: Database.Inserter
    let bundleApplicability: Database.Inserter

    /// The tables, created after the national ones.
    static let ddl: [String] = [
        """
        CREATE TABLE scenario_questions (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          id TEXT NOT NULL,
          question TEXT NOT NULL,
          PRIMARY KEY (item_code, position),
          UNIQUE (item_code, id)
        )
        """,
        """
        CREATE TABLE scenario_options (
          item_code TEXT NOT NULL,
          question_id TEXT NOT NULL,
          position INTEGER NOT NULL,
          option TEXT NOT NULL,
          PRIMARY KEY (item_code, question_id, position),
          UNIQUE (item_code, question_id, option),
          FOREIGN KEY (item_code, question_id) REFERENCES scenario_questions (item_code, id)
        )
        """,
        """
        CREATE TABLE scenario_variants (
          item_code TEXT NOT NULL REFERENCES items (code),
          position INTEGER NOT NULL,
          case_type TEXT CHECK (case_type IN (\(CatalogSQLite.sqlList(CaseType.allCases.map(\.rawValue))))),
          statutory_kind TEXT CHECK (statutory_kind IN (\(CatalogSQLite.timeKinds))),
          statutory_days INTEGER CHECK (statutory_days >= 0),
          promised_kind TEXT CHECK (promised_kind IN (\(CatalogSQLite.timeKinds))),
          promised_days INTEGER CHECK (promised_days >= 0),
          no_statutory_limit INTEGER CHECK (no_statutory_limit IN (0, 1)),  -- NULL: no 办理时限 of its own
          statutory_note TEXT,
          promised_note TEXT,
          on_site_visits INTEGER CHECK (on_site_visits >= 0),
          PRIMARY KEY (item_code, position)
        )
        """,
        """
        CREATE TABLE applicability (
          item_code TEXT NOT NULL,
          subject TEXT NOT NULL CHECK (subject IN ('material', 'condition', 'fee', 'step', 'variant')),
          subject_position INTEGER NOT NULL,
          question_id TEXT NOT NULL,
          option TEXT NOT NULL,
          PRIMARY KEY (item_code, subject, subject_position, question_id, option),
          FOREIGN KEY (item_code, question_id, option) REFERENCES scenario_options (item_code, question_id, option)
        )
        """,
        "CREATE INDEX applicability_by_option ON applicability (item_code, question_id, option)",
        """
        CREATE TABLE bundle_questions (
          bundle_code TEXT NOT NULL REFERENCES bundles (code),
          position INTEGER NOT NULL,
          id TEXT NOT NULL,
          question TEXT NOT NULL,
          PRIMARY KEY (bundle_code, position),
          UNIQUE (bundle_code, id)
        )
        """,
        """
        CREATE TABLE bundle_options (
          bundle_code TEXT NOT NULL,
          question_id TEXT NOT NULL,
          position INTEGER NOT NULL,
          option TEXT NOT NULL,
          PRIMARY KEY (bundle_code, question_id, position),
          UNIQUE (bundle_code, question_id, option),
          FOREIGN KEY (bundle_code, question_id) REFERENCES bundle_questions (bundle_code, id)
        )
        """,
        """
        CREATE TABLE bundle_applicability (
          bundle_code TEXT NOT NULL,
          material_position INTEGER NOT NULL,
          alternative INTEGER NOT NULL CHECK (alternative >= 0),
          question_id TEXT NOT NULL,
          option TEXT NOT NULL,
          PRIMARY KEY (bundle_code, material_position, alternative, question_id, option),
          FOREIGN KEY (bundle_code, material_position) REFERENCES bundle_materials (bundle_code, position),
          FOREIGN KEY (bundle_code, question_id, option) REFERENCES bundle_options (bundle_code, question_id, option)
        )
        """,
    ]

    init(_ db: Database) throws {
        questions = try db.inserter("scenario_questions", ["item_code", "position", "id", "question"])
        options = try db.inserter("scenario_options", ["item_code", "question_id", "position", "option"])
        variants = try db.inserter("scenario_variants", [
            "item_code", "position", "case_type", "statutory_kind", "statutory_days", "promised_kind", "promised_days",
            "no_statutory_limit", "statutory_note", "promised_note", "on_site_visits",
        ])
        applicability = try db.inserter(
            "applicability", ["item_code", "subject", "subject_position", "question_id", "option"])
        bundleQuestions = try db.inserter("bundle_questions", ["bundle_code", "position", "id", "question"])
        bundleOptions = try db.inserter("bundle_options", ["bundle_code", "question_id", "position", "option"])
        bundleApplicability = try db.inserter(
            "bundle_applicability", ["bundle_code", "material_position", "alternative", "question_id", "option"])
    }

    var all: [Database.Inserter] { [questions, options, variants, applicability, bundleQuestions, bundleOptions, bundleApplicability] }

    /// The 情形 rows of bundle `b` (after its materials).
    func insert(_ b: ServiceBundle) throws {
        for (i, q) in b.questions.enumerated() {
            try bundleQuestions.insert(b.code, i, q.id, q.question)
            for (j, o) in q.options.enumerated() { try bundleOptions.insert(b.code, q.id, j, o) }
        }
        for (i, m) in b.materials.enumerated() {
            for (k, alternative) in (m.applicability ?? []).enumerated() {
                for clause in alternative.clauses {
                    for o in clause.options { try bundleApplicability.insert(b.code, i, k, clause.questionID, o) }
                }
            }
        }
    }

    /// The 情形 rows of `item` (after its materials, conditions, fees and steps).
    func insert(_ item: Item) throws {
        let code = item.code
        for (i, q) in item.questions.enumerated() {
            try questions.insert(code, i, q.id, q.question)
            for (j, o) in q.options.enumerated() { try options.insert(code, q.id, j, o) }
        }
        func rows(_ subject: String, _ position: Int, _ a: Applicability?) throws {
            for clause in a?.clauses ?? [] {
                for o in clause.options { try applicability.insert(code, subject, position, clause.questionID, o) }
            }
        }
        for (i, m) in item.materials.enumerated() { try rows("material", i, m.applicability) }
        for c in item.conditionApplicability { try rows("condition", c.index, c.applicability) }
        if case .charged(let list)? = item.fees {
            for (i, f) in list.enumerated() { try rows("fee", i, f.applicability) }
        }
        for (i, s) in item.flow.enumerated() { try rows("step", i, s.applicability) }
        for (i, v) in item.scenarioVariants.enumerated() {
            let t = v.timeLimits
            try variants.insert(
                code, i, v.caseType?.rawValue, CatalogSQLite.kind(t?.statutory), t?.statutory?.days,
                CatalogSQLite.kind(t?.promised), t?.promised?.days, t?.noStatutoryLimit, t?.statutoryNote,
                t?.promisedNote, v.onSiteVisits)
            try rows("variant", i, v.applicability)
        }
    }

    /// The `applicability` rows whose subject is not in its table, as `item subject position`.
    static func check(_ db: Database) throws {
        let tables = [("material", "materials"), ("condition", "item_conditions"), ("fee", "fees"), ("step", "steps"),
                      ("variant", "scenario_variants")]
        let missing = tables.map { subject, table in
            "(a.subject = '\(subject)' AND NOT EXISTS (SELECT 1 FROM \(table) t WHERE t.item_code = a.item_code AND t.position = a.subject_position))"
        }.joined(separator: " OR ")
        let rows = try db.rows(
            "SELECT DISTINCT a.item_code, a.subject, a.subject_position FROM applicability a WHERE \(missing)")
        if !rows.isEmpty {
            throw ExportError.sqlite(
                "applicability of a missing subject: " + rows.map { $0.map { $0 ?? "NULL" }.joined(separator: " ") }.joined(separator: "; "))
        }
    }
}
