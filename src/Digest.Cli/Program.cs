using System.CommandLine;
using Digest.Cli;
using Digest.Cli.Commands;

var root = new RootCommand("Digest: a static site generator for news digests.")
{
    BuildCommand.Create(),
    PreviewCommand.Create(),
    CheckCommand.Create(),
    PublishCommand.Create(),
    InitCommand.Create(),
    ImportCommand.Create(),
};

return CommandLine.Run(root, args);
