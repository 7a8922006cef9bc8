import Catalog
import Foundation

/// An item as schema.org `GovernmentService` JSON-LD, for the guide's
/// `<script type="application/ld+json">`: name, identifier (事项编码), serviceType (事项类型),
/// provider (the 实施机关 as `GovernmentOrganization`, its 统一社会信用代码 as identifier),
/// areaServed (行政区划), availableChannel (a `ServiceChannel` per 窗口: address, hours,
/// phone), audience (服务对象) and isBasedOn (the laws). Only types and properties of the
/// schema.org vocabulary; keys sorted, so the output is stable.
struct ServiceJSONLD: Encodable {
    private let service: Service

    init(item: Item, builder: ViewBuilder) {
        let agency = builder.agencies[item.agencyID]
        service = Service(
            name: item.name, identifier: item.code, serviceType: item.type,
            provider: Organization(
                name: agency?.name ?? item.agencyID, identifier: agency?.creditCode,
                address: agency?.address.map(Address.init(streetAddress:)), telephone: agency?.phone,
                url: agency?.website.flatMap(HTML.linkableURL)),
            areaServed: item.region(agency: agency).map { Area(identifier: $0) },
            availableChannel: item.windowIDs.compactMap { builder.windows[$0] }.map { w in
                Channel(
                    name: w.name,
                    serviceLocation: w.location.map { Place(address: Address(streetAddress: $0)) },
                    hoursAvailable: w.hours.map { Hours(description: $0) },
                    servicePhone: w.phone.map { Contact(telephone: $0) })
            },
            audience: item.serviceObjects.isEmpty ? nil : Audience(audienceType: item.serviceObjects.joined(separator: "、")),
            isBasedOn: item.legalBasis.map { b in
                let law = builder.laws[b.lawID]
                return Work(name: law?.name ?? b.lawID, url: law?.url.flatMap(HTML.linkableURL))
            })
    }

    /// The JSON text (not yet escaped for HTML: see ``Markup/jsonInScript(_:)``).
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(service) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    func encode(to encoder: any Encoder) throws { try service.encode(to: encoder) }

    private struct Service: Encodable {
        let context = "https://schema.org", type = "GovernmentService"
        var name: String, identifier: String, serviceType: String
        var provider: Organization
        var areaServed: Area?
        var availableChannel: [Channel]
        var audience: Audience?
        var isBasedOn: [Work]
        enum CodingKeys: String, CodingKey {
            case context = "@context", type = "@type", name, identifier, serviceType, provider, areaServed
            case availableChannel, audience, isBasedOn
        }
    }

    private struct Organization: Encodable {
        let type = "GovernmentOrganization"
        var name: String, identifier: String?, address: Address?, telephone: String?, url: String?
        enum CodingKeys: String, CodingKey { case type = "@type", name, identifier, address, telephone, url }
    }

    private struct Address: Encodable {
        let type = "PostalAddress", addressCountry = "CN"
        var streetAddress: String
        enum CodingKeys: String, CodingKey { case type = "@type", addressCountry, streetAddress }
    }

    private struct Area: Encodable {
        let type = "AdministrativeArea"
        var identifier: String
        enum CodingKeys: String, CodingKey { case type = "@type", identifier }
    }

    private struct Channel: Encodable {
        let type = "ServiceChannel"
        var name: String, serviceLocation: Place?, hoursAvailable: Hours?, servicePhone: Contact?
        enum CodingKeys: String, CodingKey { case type = "@type", name, serviceLocation, hoursAvailable, servicePhone }
    }

    private struct Place: Encodable {
        let type = "Place"
        var address: Address
        enum CodingKeys: String, CodingKey { case type = "@type", address }
    }

    private struct Hours: Encodable {
        let type = "OpeningHoursSpecification"
        var description: String
        enum CodingKeys: String, CodingKey { case type = "@type", description }
    }

    private struct Contact: Encodable {
        let type = "ContactPoint"
        var telephone: String
        enum CodingKeys: String, CodingKey { case type = "@type", telephone }
    }

    private struct Audience: Encodable {
        let type = "Audience"
        var audienceType: String
        enum CodingKeys: String, CodingKey { case type = "@type", audienceType }
    }

    private struct Work: Encodable {
        let type = "Legislation"
        var name: String, url: String?
        enum CodingKeys: String, CodingKey { case type = "@type", name, url }
    }
}
