import { SemaphoreAdapter, semaphoreSignature } from './semaphore.adapter';
import { twilioSignature, TwilioAdapter } from './twilio.adapter';

describe('SMS delivery-report signatures', () => {
  it("computes Twilio's documented example signature", () => {
    const params = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };
    expect(twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  const twilio = new TwilioAdapter({
    apiUrl: 'http://twilio.test',
    accountSid: 'AC1',
    authToken: 'token',
    from: '+15005550006',
    statusCallbackUrl: 'https://api.example.com/api/v1/sms/status/twilio',
    timeoutMs: 1000,
  });

  it('reads a Twilio status callback signed over the configured callback URL, and nothing else', () => {
    const body = 'MessageSid=SM1&MessageStatus=undelivered&ErrorCode=30003';
    const signed = twilioSignature('token', 'https://api.example.com/api/v1/sms/status/twilio', {
      MessageSid: 'SM1',
      MessageStatus: 'undelivered',
      ErrorCode: '30003',
    });
    expect(twilio.readCallback(body, 'http://internal:3000/x', { 'x-twilio-signature': signed })).toMatchObject({
      messageId: 'SM1',
      status: 'FAILED',
    });
    expect(twilio.readCallback(body + '&Extra=1', 'http://internal:3000/x', { 'x-twilio-signature': signed })).toBeNull();
    expect(twilio.readCallback(body, 'http://internal:3000/x', {})).toBeNull();
  });

  it('reads a Semaphore report signed with the API key, and refuses another key', () => {
    const adapter = new SemaphoreAdapter({ apiUrl: 'http://semaphore.test', apiKey: 'key', timeoutMs: 1000 });
    const body = JSON.stringify({ message_id: 42, status: 'Delivered' });
    expect(adapter.readCallback(body, '', { 'x-semaphore-signature': semaphoreSignature('key', body) })).toMatchObject({
      messageId: '42',
      status: 'DELIVERED',
    });
    expect(adapter.readCallback(body, '', { 'x-semaphore-signature': semaphoreSignature('other', body) })).toBeNull();
  });
});
