using Klinky.Stats;

namespace Klinky.Emulator.Winners;

/// <summary>The data of a <c>winner.declared</c> event.</summary>
internal sealed record WinnerDeclared(string LinkId, string Slug, string WinnerLabel, string Reason, LinkStats? Stats);
