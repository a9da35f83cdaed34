import { Provider } from '@nestjs/common';
import { AlertingConfig } from '../../../config';
import { SemaphoreAdapter } from './semaphore.adapter';
import { SMS_PROVIDERS, SmsProvider } from './sms-provider';
import { TwilioAdapter } from './twilio.adapter';

/** Each adapter whose credentials are set; Twilio's three go together, and a partial set fails the start-up naming what is missing. */
export const smsProvidersFactory: Provider = {
  provide: SMS_PROVIDERS,
  inject: [AlertingConfig],
  useFactory: (c: AlertingConfig): SmsProvider[] => {
    const providers: SmsProvider[] = [];
    if (c.SEMAPHORE_API_KEY)
      providers.push(
        new SemaphoreAdapter({
          apiUrl: c.SEMAPHORE_API_URL,
          apiKey: c.SEMAPHORE_API_KEY,
          senderName: c.SEMAPHORE_SENDER_NAME,
          timeoutMs: c.PROVIDER_TIMEOUT_MS,
        }),
      );
    const twilio = { TWILIO_ACCOUNT_SID: c.TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN: c.TWILIO_AUTH_TOKEN, TWILIO_FROM: c.TWILIO_FROM };
    const missing = Object.entries(twilio).filter(([, v]) => !v);
    if (missing.length > 0 && missing.length < 3)
      throw new Error(`${missing.map(([k]) => k).join(', ')} must be set with the other Twilio variables`);
    if (missing.length === 0)
      providers.push(
        new TwilioAdapter({
          apiUrl: c.TWILIO_API_URL,
          accountSid: c.TWILIO_ACCOUNT_SID!,
          authToken: c.TWILIO_AUTH_TOKEN!,
          from: c.TWILIO_FROM!,
          statusCallbackUrl: c.TWILIO_STATUS_CALLBACK_URL,
          timeoutMs: c.PROVIDER_TIMEOUT_MS,
        }),
      );
    return providers;
  },
};

/** Philippine numbers (+63) go through Semaphore, the local gateway, when it is configured; everything else through Twilio. */
export function providerFor(providers: SmsProvider[], phone: string): SmsProvider | undefined {
  const semaphore = providers.find((p) => p.name === 'semaphore');
  const twilio = providers.find((p) => p.name === 'twilio');
  return phone.startsWith('+63') ? (semaphore ?? twilio) : twilio;
}
