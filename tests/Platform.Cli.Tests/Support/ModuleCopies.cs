using System.Text.Json.Nodes;

namespace Platform.Cli.Tests.Support;

/// <summary>Copies of the shipped modules in a temp folder, to edit for a test.</summary>
public static class ModuleCopies
{
    /// <summary>Copies crm-core and sales into <paramref name="parent"/> and returns their folders.</summary>
    public static string[] CopyShipped(string parent) => CliHarness.ShippedModules.Select(source =>
    {
        var target = Path.Combine(parent, Path.GetFileName(source));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }).ToArray();

    /// <summary>Edits the field <paramref name="field"/> of an entity document; a null result removes the field.</summary>
    public static async Task EditFieldAsync(string moduleFolder, string entity, string field, Func<JsonObject, JsonObject?> edit)
    {
        var path = Path.Combine(moduleFolder, "entities", entity + ".json");
        var document = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        var fields = document["fields"]!.AsArray();
        var node = fields.Single(f => (string?)f!["name"] == field)!.AsObject();
        var index = fields.IndexOf(node);
        var edited = edit(node);
        fields.RemoveAt(index);
        if (edited is not null) fields.Insert(index, edited.Parent is null ? edited : edited.DeepClone());
        await File.WriteAllTextAsync(path, document.ToJsonString());
        if (edited is null) await RemoveFromScreensAsync(Path.GetDirectoryName(Path.GetFullPath(moduleFolder))!, entity, field);
    }

    /// <summary>Takes a removed field off the entity's forms and views in every module copy, as a consultant must (validate refuses the rest).</summary>
    private static async Task RemoveFromScreensAsync(string modulesFolder, string entity, string field)
    {
        var screens = Directory.EnumerateDirectories(modulesFolder)
            .SelectMany(module => new[] { "forms", "views" }.Select(folder => Path.Combine(module, folder)))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.json"));
        foreach (var file in screens)
        {
            var screen = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
            if ((string?)screen["entity"] != entity) continue;
            Strip(screen, field);
            await File.WriteAllTextAsync(file, screen.ToJsonString());
        }
    }

    /// <summary>Removes the field's name from every list of names, and every column or sort entry naming it.</summary>
    private static void Strip(JsonNode? node, string field)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj.ToList()) Strip(value, field);
                break;
            case JsonArray array:
                foreach (var item in array.ToList())
                {
                    if (item is JsonValue value && value.TryGetValue<string>(out var name) && name == field || item is JsonObject { } entry && (string?)entry["field"] == field)
                        array.Remove(item);
                    else Strip(item, field);
                }
                break;
        }
    }
}
