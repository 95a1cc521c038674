namespace Klinky.Emulator.Endpoints;

/// <summary>The body of <c>POST /public/links/{id}/winner</c>.</summary>
internal sealed record WinnerRequest(string? Label);
