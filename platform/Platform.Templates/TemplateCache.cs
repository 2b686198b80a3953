using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Scriban;

namespace Platform.Templates;

/// <summary>
/// Parsed templates by tenant, name and a hash of their text: an edited template is parsed again, and one tenant's
/// parsed template is never handed to another (even for the same text). Bounded: past the capacity it starts over.
/// </summary>
public sealed class TemplateCache(int capacity = 2000)
{
    private readonly ConcurrentDictionary<(string Tenant, string Name, string Hash), Template> _templates = new();

    public int Count => _templates.Count;

    /// <summary>The parsed template; <see cref="TemplateException"/> when it does not parse or is not allowed.</summary>
    public Template GetOrParse(string tenant, string name, string text)
    {
        var key = (tenant, name, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        if (_templates.TryGetValue(key, out var cached)) return cached;
        var template = Template.Parse(text, name);
        // Only templates that passed the checks are cached: a broken one fails each time with its position.
        TemplateSandbox.Check(template, name);
        if (_templates.Count >= capacity) _templates.Clear();
        return _templates.GetOrAdd(key, template);
    }
}
