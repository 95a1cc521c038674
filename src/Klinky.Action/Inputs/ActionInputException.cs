namespace Klinky.Action.Inputs;

/// <summary>An input the action cannot work with; the message names the input as the workflow spells it.</summary>
internal sealed class ActionInputException : Exception
{
    public ActionInputException(string inputName, string problem)
        : base($"Input '{inputName}' {problem}")
    {
        InputName = inputName;
    }

    public ActionInputException()
    {
        InputName = "";
    }

    public ActionInputException(string message)
        : base(message)
    {
        InputName = "";
    }

    public ActionInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        InputName = "";
    }

    public string InputName { get; }
}
