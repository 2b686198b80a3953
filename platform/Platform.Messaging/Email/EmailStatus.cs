namespace Platform.Messaging.Email;

/// <summary>Where a queued email is: waiting (or waiting for a retry), leased to a sender, delivered, or given up.</summary>
public static class EmailStatus
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
