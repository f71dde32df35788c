using System.Collections.Generic;

namespace FinSpace.HelpBuilder.Model;

/// <summary>Everything read from a help folder.</summary>
public sealed record HelpSource(IReadOnlyList<CommandHelp> Commands, IReadOnlyList<AboutTopic> AboutTopics, ModulePage? ModulePage);
