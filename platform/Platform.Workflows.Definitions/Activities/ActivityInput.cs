using System.Text.Json.Nodes;

namespace Platform.Workflows.Activities;

/// <summary>An input: a literal JSON value valid against <see cref="Schema"/>, or <c>{"expression": "js"}</c>, or <c>{"template": "..."}</c>.</summary>
public sealed record ActivityInput(string Name, string Description, JsonObject Schema, bool Required = false, bool LiteralOnly = false);
