import { render, templateProblem, templateVariables } from './template-engine';

describe('notification templates', () => {
  it('finds the top-level variables, not helpers or names inside #each', () => {
    expect(
      templateVariables('{{title}}: {{device.name}} {{#if value}}{{value}}{{/if}} {{#each alertIds}}{{this}} {{name}}{{/each}}').sort(),
    ).toEqual(['alertIds', 'device', 'title', 'value'].sort());
  });

  it('refuses a variable the event type does not declare, naming it and the field', () => {
    const problem = templateProblem('evt.iot-telemetry.threshold.breached', {
      subject: '{{title}}',
      body: 'Sensor {{sensorId}} at {{temperatur}}',
    });
    expect(problem).toMatchObject({ field: 'body' });
    expect(problem?.message).toContain('"temperatur"');
    expect(
      templateProblem('evt.iot-telemetry.threshold.breached', { subject: '{{title}}', body: '{{value}}{{unit}} > {{threshold}}' }),
    ).toBeNull();
  });

  it('refuses a template that does not parse', () => {
    expect(templateProblem('notification.test', { body: '{{#if title}}open' })).toMatchObject({ field: 'body' });
  });

  it('renders strictly: a missing variable throws', () => {
    expect(render('{{title}} is {{value}}{{unit}}', { title: 'Chamber 1', value: 31.5, unit: '°C' })).toBe('Chamber 1 is 31.5°C');
    expect(() => render('{{title}} {{missing}}', { title: 'x' })).toThrow(/missing/);
  });
});
