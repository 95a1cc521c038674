using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Klinky.Testing;

/// <summary>
/// A started program the tests talk to while it runs (an emulator, a served tool), and the one place the tests start a
/// process (<see cref="ToolRun"/> runs to completion on top of it). Its output is read as it comes, line by line; a test
/// waits for a line rather than for a time. Disposing kills it with every process it started, so no test leaves one
/// behind (<c>./build.sh test</c> fails on any that is still running at its end: <c>.ci/stray-processes.sh</c>).
/// </summary>
public sealed class ToolProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _description;
    private readonly List<string> _lines = new();
    private readonly List<string> _outputLines = new();
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private int _openStreams = 2;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ToolProcess(Process process, string description)
    {
        _process = process;
        _description = description;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once it exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Standard output and standard error so far, line by line in the order they arrived.</summary>
    public string Combined => Locked(() => string.Concat(_lines.Select(l => l + "\n")));

    /// <summary>Standard output so far.</summary>
    public string Output => Locked(() => _output.ToString());

    /// <summary>Standard error so far.</summary>
    public string Errors => Locked(() => _errors.ToString());

    /// <summary>The lines of standard output so far, in order.</summary>
    public IReadOnlyList<string> OutputLines => Locked(() => _outputLines.ToArray());

    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/>; standard input stays open until
    /// <see cref="CloseInputAsync"/>. A program that is not installed is a failure naming <see cref="ToolRunOptions.InstallHint"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">It could not be started (not installed).</exception>
    public static ToolProcess Start(string fileName, IEnumerable<string> arguments, ToolRunOptions? options = null)
    {
        options ??= new ToolRunOptions();
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = options.WorkingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (options.Remove is { } remove)
        {
            // The test run's mark stays: ./build.sh test finds the processes left running by it (.ci/stray-processes.sh).
            foreach (var name in start.Environment.Keys.Where(name => remove(name) && name != ToolRun.TestRunMark).ToList())
            {
                start.Environment.Remove(name);
            }
        }

        foreach (var (name, value) in options.Environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = start };
        var tool = new ToolProcess(process, $"{fileName} {string.Join(' ', start.ArgumentList)}");
        process.OutputDataReceived += (_, e) => tool.OnLine(e.Data, tool._output, tool._outputLines);
        process.ErrorDataReceived += (_, e) => tool.OnLine(e.Data, tool._errors, null);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"{fileName} is needed here ({ex.Message}){(options.InstallHint is null ? "" : ": " + options.InstallHint)}", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tool;
    }

    /// <summary>Writes <paramref name="input"/> (if any) to standard input, then closes it.</summary>
    public async Task CloseInputAsync(string? input = null)
    {
        if (input is not null)
        {
            await _process.StandardInput.WriteAsync(input).ConfigureAwait(false);
        }

        _process.StandardInput.Close();
    }

    /// <summary>
    /// The first line (standard output or error, from the start) for which <paramref name="match"/> gives a result.
    /// </summary>
    /// <exception cref="InvalidOperationException">The program ended its output without printing such a line.</exception>
    /// <exception cref="TimeoutException">No such line within <paramref name="deadline"/> (a deadline for a hang, not a measure).</exception>
    public async Task<T> WaitForLineAsync<T>(Func<string, T?> match, TimeSpan deadline)
        where T : class
    {
        using var limit = new CancellationTokenSource(deadline);
        var seen = 0;
        while (true)
        {
            Task changed;
            lock (_lines)
            {
                for (; seen < _lines.Count; seen++)
                {
                    if (match(_lines[seen]) is { } found)
                    {
                        return found;
                    }
                }

                if (_openStreams == 0)
                {
                    throw new InvalidOperationException($"{_description} ended its output without the line waited for:\n{Combined}");
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{_description} did not print the line waited for within {deadline.TotalSeconds:0} s:\n{Combined}");
            }
        }
    }

    /// <summary>Waits for it to exit and for its last lines; kills it (with what it started) when <paramref name="deadline"/> passes first.</summary>
    /// <exception cref="TimeoutException">It did not exit within <paramref name="deadline"/> (it was killed).</exception>
    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var limit = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillAsync().ConfigureAwait(false);
            throw new TimeoutException($"{_description} did not finish within {deadline.TotalSeconds:0} s (killed):\n{Combined}");
        }

        // The exit can be seen before the last lines are read; the parameterless wait drains them.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>
    /// SIGTERM, as a user's Ctrl+C or a service manager stops it, then waits for a clean exit; a program still running
    /// after <paramref name="grace"/> is killed. Returns the exit code.
    /// </summary>
    public async Task<int> StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            var term = await ToolRun.RunAsync("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]).ConfigureAwait(false);
            if (term.ExitCode != 0 && !_process.HasExited)
            {
                throw new InvalidOperationException($"kill -TERM {Id} failed: {term}");
            }

            using var limit = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await KillAsync().ConfigureAwait(false);
            }
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL to it and every process it started: no chance to flush anything, as in a crash.</summary>
    public async Task KillAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    public override string ToString() => $"{_description}\n{Combined}";

    private void OnLine(string? line, StringBuilder stream, List<string>? streamLines)
    {
        TaskCompletionSource changed;
        lock (_lines)
        {
            if (line is null)
            {
                _openStreams--;
            }
            else
            {
                _lines.Add(line);
                stream.AppendLine(line);
                streamLines?.Add(line);
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_lines)
        {
            return read();
        }
    }
}
