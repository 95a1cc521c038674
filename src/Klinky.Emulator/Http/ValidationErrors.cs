namespace Klinky.Emulator.Http;

/// <summary>FastAPI's 422 body: <c>{"detail": [{"loc": ["body", "variants", 1, "weight"], "msg": "...", "type": "value_error"}]}</c>.</summary>
internal sealed record ValidationErrors(IReadOnlyList<ValidationError> Detail);
