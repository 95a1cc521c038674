using System.Globalization;

namespace Klinky.Emulator.Http;

/// <summary>Turns a field path (<c>variants[1].weight</c>, or a JSON path <c>$.variants[1].weight</c>) into FastAPI's <c>loc</c> array.</summary>
internal static class ErrorLocation
{
    public static IReadOnlyList<object> Of(string root, string field)
    {
        var loc = new List<object> { root };
        var path = field.StartsWith('$') ? field[1..] : field;
        var token = new System.Text.StringBuilder();
        void Flush()
        {
            if (token.Length > 0)
            {
                loc.Add(token.ToString());
                token.Clear();
            }
        }

        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '.')
            {
                Flush();
            }
            else if (c == '[')
            {
                Flush();
                var close = path.IndexOf(']', i);
                if (close < 0)
                {
                    token.Append(path, i, path.Length - i);
                    break;
                }

                var inside = path[(i + 1)..close].Trim('\'');
                loc.Add(int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : inside);
                i = close;
            }
            else
            {
                token.Append(c);
            }
        }

        Flush();
        return loc;
    }
}
