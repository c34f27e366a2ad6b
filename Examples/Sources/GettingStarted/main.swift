import Convene
import ConveneGLPK
import Foundation

// Thursday morning of the P2PU Gathering 2019: two slots, three rooms, a plenary and three
// breakouts, two facilitators and a few attendees.
let boston = TimeZone(identifier: "America/New_York") ?? .current
var builder = GatheringBuilder(name: "P2PU Gathering 2019, Thursday morning", timeZone: boston)
builder.addSlot("thu-1", start: LocalDateTime(2019, 9, 19, 9, 0), end: LocalDateTime(2019, 9, 19, 10, 30))
builder.addSlot("thu-2", start: LocalDateTime(2019, 9, 19, 10, 30), end: LocalDateTime(2019, 9, 19, 12, 0))
builder.addRoom("rabb", name: "Rabb Hall", capacity: 120, tags: ["large"])
builder.addRoom("commonwealth", name: "Commonwealth Salon", capacity: 40)
builder.addRoom("orientation", name: "Orientation Room", capacity: 24)
builder.addFormat("large-group", name: "Large group", duration: .seconds(90 * 60), exclusive: true, roomTags: ["large"])
builder.addFormat("breakout", name: "Breakout", duration: .seconds(90 * 60))
builder.addPerson(
    "director", name: "P2PU executive director",
    available: [.init(start: LocalDateTime(2019, 9, 19, 8, 0), end: LocalDateTime(2019, 9, 19, 13, 0))])
builder.addPerson("community", name: "P2PU community manager")
builder.addSession("update", title: "Update from P2PU", format: "large-group", facilitators: ["director"])
builder.addSession("failures", title: "Workshopping failures", format: "breakout", facilitators: ["community"])
builder.addSession("funding", title: "Funding learning circles", format: "breakout", facilitators: ["director"])
builder.addSession("tech", title: "Troubleshooting the technology", format: "breakout")
builder.addAttendee("ana", interests: ["update", "failures", "funding"])
builder.addAttendee("ben", interests: ["failures", "tech"])
builder.addAttendee("chi", interests: ["funding", "tech"])

do {
    let gathering = try builder.build()
    // The exact solver and the search at once; the answer has been checked against every rule.
    let result = try await gathering.solve(using: PortfolioSolver(), options: SolveOptions(timeLimit: .seconds(5)))
    print(AgendaFormat.text.render(result.agenda, gathering: gathering, width: 100))
    print("Status: \(result.status.rawValue), objective \(result.agenda.objective ?? 0), bound \(result.agenda.bound ?? 0)")
} catch let error as DiagnosticError {
    // Every problem at once, each at the builder's field: `error: slot("thu-2").end: …`.
    print("The gathering is not valid:\n\(error)")
}
