namespace Klinky.Emulator.Http;

/// <summary>One item of FastAPI's 422 list: where (<c>loc</c>), what (<c>msg</c>) and which kind (<c>type</c>).</summary>
internal sealed record ValidationError(IReadOnlyList<object> Loc, string Msg, string Type);
