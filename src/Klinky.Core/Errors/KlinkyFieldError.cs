namespace Klinky;

/// <summary>
/// One invalid field: <c>variants[1].weight</c> and the rule it breaks. A class, not a record: callers read the field
/// and the message (or print it); nothing compares, copies or deconstructs one. The parameters keep the record's names.
/// </summary>
public sealed class KlinkyFieldError
{
    public KlinkyFieldError(string Field, string Message)
    {
        this.Field = Field;
        this.Message = Message;
    }

    public string Field { get; }

    public string Message { get; }

    public override string ToString() => $"{Field}: {Message}";
}
