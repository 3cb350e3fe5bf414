import { describe, expect, it } from 'vitest';
import { isTimezone, timezoneOfNumber } from './number-timezone.js';

describe('timezoneOfNumber', () => {
  it.each([
    ['+14155550100', 'America/Los_Angeles'], // San Francisco
    ['+12065550100', 'America/Los_Angeles'], // Seattle
    ['+16045550100', 'America/Los_Angeles'], // Vancouver
    ['+13035550100', 'America/Denver'], // Denver
    ['+18015550100', 'America/Denver'], // Salt Lake City
    ['+14035550100', 'America/Denver'], // Calgary
    ['+16025550100', 'America/Phoenix'], // Phoenix: no daylight saving
    ['+13125550100', 'America/Chicago'], // Chicago
    ['+12145550100', 'America/Chicago'], // Dallas
    ['+12045550100', 'America/Chicago'], // Winnipeg
    ['+13065550100', 'America/Regina'], // Saskatchewan
    ['+12125550100', 'America/New_York'], // New York
    ['+14165550100', 'America/New_York'], // Toronto (Eastern)
    ['+13055550100', 'America/New_York'], // Miami
    ['+19075550100', 'America/Anchorage'],
    ['+18085550100', 'Pacific/Honolulu'],
    ['+442079460958', 'Europe/London'],
    ['+33142685300', 'Europe/Paris'],
    ['+4930901820', 'Europe/Berlin'],
    ['+61293744000', 'Australia/Sydney'],
    ['+81332249999', 'Asia/Tokyo'],
    ['+919876543210', 'Asia/Kolkata'],
    ['+5511987654321', 'America/Sao_Paulo'],
    ['+9999', 'UTC'],
    ['garbage', 'UTC'],
  ])('%s rings in %s', (e164, zone) => {
    expect(timezoneOfNumber(e164)).toBe(zone);
  });

  it('answers only zones the runtime knows', () => {
    for (const e164 of ['+14155550100', '+13035550100', '+16025550100', '+442079460958', '+5511987654321'])
      expect(isTimezone(timezoneOfNumber(e164))).toBe(true);
    expect(isTimezone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimezone('')).toBe(false);
  });
});
