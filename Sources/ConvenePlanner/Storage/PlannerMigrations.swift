import GRDB

/// The database's schema, one named migration per change: a database made by an older `convene serve` is brought up to
/// date when a newer one opens it, and nothing already stored is rewritten.
enum PlannerMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: gatherings, versions, agendas, jobs") { db in
            try db.create(table: "gathering") { t in
                t.primaryKey("id", .text)
                t.column("created", .text).notNull()
            }
            try db.create(table: "gatheringVersion") { t in
                t.column("gathering", .text).notNull().references("gathering")
                t.column("version", .integer).notNull()
                t.column("document", .blob).notNull()
                t.column("name", .text).notNull()
                for count in ["sessions", "rooms", "slots", "people", "attendees"] { t.column(count, .integer).notNull() }
                t.column("created", .text).notNull()
                t.primaryKey(["gathering", "version"])
            }
            try db.create(table: "job") { t in
                t.autoIncrementedPrimaryKey("id")
                ofVersion(t)
                t.column("request", .blob).notNull()
                t.column("solver", .text).notNull()
                t.column("created", .text).notNull()
            }
            try db.create(table: "agenda") { t in
                t.autoIncrementedPrimaryKey("id")
                ofVersion(t)
                t.column("document", .blob).notNull()
                t.column("status", .text).notNull()
                t.column("objective", .integer)
                t.column("solver", .text)
                t.column("job", .integer).references("job")
                t.column("previous", .integer).references("agenda")
                t.column("created", .text).notNull()
            }
            try db.create(index: "agendaByGathering", on: "agenda", columns: ["gathering"])
            try db.create(table: "jobState") { t in
                t.column("job", .integer).notNull().references("job")
                t.column("seq", .integer).notNull()
                t.column("state", .text).notNull()
                t.column("objective", .integer)
                t.column("bound", .integer)
                t.column("agenda", .integer).references("agenda")
                t.column("status", .text)
                t.column("error", .text)
                t.column("notes", .text)
                t.column("at", .text).notNull()
                t.primaryKey(["job", "seq"])
            }
            try db.create(index: "jobByGathering", on: "job", columns: ["gathering"])
        }
        return migrator
    }

    /// The version of a gathering a row was made for.
    private static func ofVersion(_ t: TableDefinition) {
        t.column("gathering", .text).notNull()
        t.column("version", .integer).notNull()
        t.foreignKey(["gathering", "version"], references: "gatheringVersion")
    }
}
