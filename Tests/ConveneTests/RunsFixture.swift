import Convene
import Foundation

/// A small gathering with a session held twice, for what reads and writes runs at the edges: a
/// laptop lab (12 laptops, so `seats` 2 here) run at 09:00 in the lab and at 10:00 in the hall,
/// a talk at 09:00 in the hall, three attendees who all want the lab, and itineraries that send
/// two of them to run 1 and one to run 2.
enum RunsFixture {
    static let input = """
        {"convene": 1, "event": {"name": "Runs Day", "timeZone": "Europe/Berlin"},
         "slots": [{"id": "t1", "start": "2026-05-04T09:00", "end": "2026-05-04T10:00"},
                   {"id": "t2", "start": "2026-05-04T10:00", "end": "2026-05-04T11:00"}],
         "rooms": [{"id": "lab", "name": "Lab", "capacity": 12}, {"id": "hall", "name": "Hall", "capacity": 40}],
         "people": [{"id": "ada", "name": "Ada Lovelace"}],
         "sessions": [
           {"id": "laptops", "title": "Laptop lab", "duration": 60, "facilitators": ["ada"], "runs": 2, "seats": 2,
            "description": "Bring nothing: the laptops are there.\\n\\nWe build a tiny solver."},
           {"id": "talk", "title": "Opening talk", "duration": 60}],
         "attendees": [{"id": "a1", "interests": ["laptops", "talk"]}, {"id": "a2", "interests": ["laptops"]},
                       {"id": "a3", "interests": ["laptops"]}]}
        """

    static let agenda = """
        {"convene": 1, "status": "feasible", "placements": [
          {"session": "laptops", "run": 1, "start": "t1", "rooms": ["lab"]},
          {"session": "talk", "start": "t1", "rooms": ["hall"]},
          {"session": "laptops", "run": 2, "start": "t2", "rooms": ["hall"]}]}
        """

    /// a1 wants the talk at 09:00, so goes to run 2; a2 and a3 take run 1's two seats.
    static let itineraries = """
        {"convene": 1, "status": "optimal", "served": 4, "wanted": 4, "bound": 4,
         "itineraries": [
           {"attendee": "a1", "runs": [{"session": "talk", "run": 1}, {"session": "laptops", "run": 2}], "missed": []},
           {"attendee": "a2", "runs": [{"session": "laptops", "run": 1}], "missed": []},
           {"attendee": "a3", "runs": [{"session": "laptops", "run": 1}], "missed": []}],
         "runs": [{"session": "laptops", "run": 1, "seats": 2, "taken": 2}, {"session": "laptops", "run": 2, "seats": 2, "taken": 1},
                  {"session": "talk", "run": 1, "seats": 40, "taken": 1}],
         "stats": {}}
        """

    static func gathering() throws -> Gathering { try Gathering(json: Data(input.utf8)) }

    static func loadAgenda() throws -> Agenda { try Agenda.load(Data(agenda.utf8)).value }

    static func loadItineraries() throws -> Itineraries { try Itineraries.load(Data(itineraries.utf8)).value }
}
