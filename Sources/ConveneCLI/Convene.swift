import ArgumentParser

@main
struct Convene: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convene",
        abstract: "Builds the agenda of a gathering: which session runs in which room at which time.",
        discussion: "Input is one JSON document (see the README's format section). " + ExitStatus.summary(),
        subcommands: [
            Solve.self, Check.self, Explain.self, Render.self, Diff.self, UnconferenceCommand.self, Publish.self, Generate.self,
            Import.self, Serve.self, Push.self, ItinerariesCommand.self,
        ]
    )
}
