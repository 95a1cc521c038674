namespace Klinky.Http;

/// <summary>A wire type that knows which of its fields the contract requires, so the pipeline can refuse an answer without them.</summary>
internal interface IRequiredFields
{
    /// <summary>The JSON name of the first required field the answer left out, or null when it is complete.</summary>
    string? FirstMissing { get; }
}
