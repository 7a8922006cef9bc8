/// The keys by which profiles name the model's elements, used in
/// ``Catalog/internalElements`` to say which must stay out of public outputs.
public enum ElementKey {
    public static let code = "code"
    public static let name = "name"
    public static let type = "type"
    public static let serviceObjects = "serviceObjects"
    public static let agency = "agency"
    public static let scope = "scope"
    public static let windows = "windows"
    public static let handlingForms = "handlingForms"
    public static let legalBasis = "legalBasis"
    public static let caseType = "caseType"
    public static let conditions = "conditions"
    public static let materials = "materials"
    public static let timeLimits = "timeLimits"
    public static let fees = "fees"
    public static let rightsAndObligations = "rightsAndObligations"
    public static let consultation = "consultation"
    public static let flow = "flow"
    public static let remedies = "remedies"
    public static let certificate = "certificate"
    public static let staff = "staff"
    public static let progressQuery = "progressQuery"
    public static let supervision = "supervision"
    // The national 实施清单 (GB/T 39554.2-2020): identification and handling.
    public static let basicCode = "basicCode"
    public static let implementationCode = "implementationCode"
    public static let handlingItems = "handlingItems"
    public static let exerciseLevel = "exerciseLevel"
    public static let implementerNature = "implementerNature"
    public static let powerSource = "powerSource"
    public static let entrustingAgency = "entrustingAgency"
    public static let jointAgencies = "jointAgencies"
    public static let onSiteVisits = "onSiteVisits"
    public static let onSiteReason = "onSiteReason"
    public static let onlineDepth = "onlineDepth"
    public static let onlineURL = "onlineURL"
    public static let handlingArea = "handlingArea"
    public static let complaint = "complaint"
    public static let result = "result"
    public static let specialProcedures = "specialProcedures"
    public static let quantityLimit = "quantityLimit"
    public static let faqs = "faqs"
    public static let version = "version"
    public static let effectiveDate = "effectiveDate"
    public static let repealDate = "repealDate"
    public static let commitment = "commitment"
    /// 情形 and 情形差异 (FORMAT.md; every catalog).
    public static let questions = "questions"
    public static let scenarioVariants = "scenarioVariants"
    /// A material's 审查要点.
    public static let materialReviewPoints = "materials.reviewPoints"
    /// A flow step's 岗位 (who reviews is internal in some localities).
    public static let stepRole = "flow.role"
}

extension Catalog {
    /// The catalog with every internal element removed: the only input public outputs
    /// may be made from.
    public func publicView() -> Catalog {
        var copy = self
        let hidden = Set(internalElements)
        copy.items = items.map { $0.removing(hidden) }
        return copy
    }
}

extension Item {
    /// The item without the elements whose keys are in `hidden`, and without any
    /// additional element marked internal.
    public func removing(_ hidden: Set<String>) -> Item {
        var item = self
        for key in hidden {
            switch key {
            case ElementKey.scope: item.scope = nil
            case ElementKey.windows: item.windowIDs = []
            case ElementKey.handlingForms: item.handlingForms = []
            case ElementKey.legalBasis: item.legalBasis = []
            case ElementKey.caseType: item.caseType = nil
            case ElementKey.conditions: (item.conditions, item.conditionApplicability) = ([], [])
            case ElementKey.materials: item.materials = []
            case ElementKey.timeLimits: item.timeLimits = nil
            case ElementKey.fees: item.fees = nil
            case ElementKey.rightsAndObligations: item.rightsAndObligations = nil
            case ElementKey.consultation: item.consultation = nil
            case ElementKey.flow: item.flow = []
            case ElementKey.remedies: item.remedies = nil
            case ElementKey.certificate: item.certificate = nil
            case ElementKey.staff: item.staff = []
            case ElementKey.progressQuery: item.progressQuery = nil
            case ElementKey.supervision: item.supervision = nil
            case ElementKey.basicCode: item.national.basicCode = nil
            case ElementKey.implementationCode: item.national.implementationCode = nil
            case ElementKey.handlingItems: item.national.handlingItems = []
            case ElementKey.exerciseLevel: item.national.exerciseLevel = nil
            case ElementKey.implementerNature: item.national.implementerNature = nil
            case ElementKey.powerSource: item.national.powerSource = nil
            case ElementKey.entrustingAgency: item.national.entrustingAgencyID = nil
            case ElementKey.jointAgencies: item.national.jointAgencyIDs = []
            case ElementKey.onSiteVisits: item.national.onSiteVisits = nil
            case ElementKey.onSiteReason: item.national.onSiteReason = nil
            case ElementKey.onlineDepth: item.national.onlineDepth = []
            case ElementKey.onlineURL: item.national.onlineURL = nil
            case ElementKey.handlingArea: item.national.handlingArea = nil
            case ElementKey.complaint: item.national.complaint = nil
            case ElementKey.result: item.result = nil
            case ElementKey.specialProcedures: item.national.specialProcedures = []
            case ElementKey.quantityLimit: item.national.quantityLimit = nil
            case ElementKey.faqs: item.national.faqs = []
            case ElementKey.version: item.national.version = nil
            case ElementKey.effectiveDate: item.national.effectiveDate = nil
            case ElementKey.repealDate: item.national.repealDate = nil
            case ElementKey.commitment: item.national.commitment = nil
            case ElementKey.materialReviewPoints:
                for i in item.materials.indices { item.materials[i].reviewPoints = nil }
            case ElementKey.stepRole:
                for i in item.flow.indices { item.flow[i].role = nil }
            default: break  // identity elements are always public
            }
        }
        item.additionalElements.removeAll { $0.isInternal || hidden.contains($0.key) }
        return item
    }
}
