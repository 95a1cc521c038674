namespace Klinky.Emulator.Http;

/// <summary>A request body that was read and parsed, or the error answer that says why it could not be.</summary>
internal readonly record struct BodyRead<T>(T? Value = null, IResult? Problem = null)
    where T : class;
