namespace JiraConnector.Events
{
    /// <summary>The ErrorIds of the events cmdlets; tests assert them, so they are stable words.</summary>
    internal static class EventErrorIds
    {
        public const string CallbackFailed = "EventCallbackFailed";
        public const string SignatureMissing = "WebhookSignatureMissing";
        public const string SignatureInvalid = "WebhookSignatureInvalid";
        public const string BodyInvalid = "WebhookBodyInvalid";
        public const string ListenerFailed = "WebhookListenerFailed";
        public const string PrefixNotLoopback = "WebhookPrefixNotLoopback";
        public const string InvalidPrefix = "InvalidWebhookPrefix";
        public const string RegistrationFailed = "WebhookRegistrationFailed";
        public const string DynamicNeedsOAuth = "DynamicWebhookNeedsOAuth";
        public const string SecretNeedsAdmin = "WebhookSecretNeedsAdmin";
        public const string JqlRequired = "WebhookJqlRequired";
        public const string SinceWithNextPage = "SinceWithNextPage";
        public const string UnknownEventObject = "UnknownEventObject";
    }
}
