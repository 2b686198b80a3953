using System.CommandLine;

namespace Platform.Cli.Commands;

internal static class ModuleDirsArgument
{
    public static Argument<string[]> Create() => new("module-dirs")
    {
        Description = "Module folders (each with a module.json), loaded together.",
        Arity = ArgumentArity.OneOrMore,
    };
}
