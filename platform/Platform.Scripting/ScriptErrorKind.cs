namespace Platform.Scripting;

public enum ScriptErrorKind
{
    Syntax,
    Runtime,
    LimitExceeded,
}
