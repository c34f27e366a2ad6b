import ArgumentParser

@main
struct Convene: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convene",
        abstract: "Builds the agenda of a gathering: which session runs in which room at which time.",
        discussion:
            "Input is one JSON document (see the README's format section). Exit statuses: 0 success, 1 no agenda or a broken rule, 64 bad "
            + "usage, 65 invalid input, 66 unreadable file.",
        subcommands: [Solve.self, Check.self, Explain.self, Render.self, Generate.self, Import.self]
    )
}
