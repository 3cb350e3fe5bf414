import { describe, expect, it } from 'vitest';
import { readConfigSection } from '../../../core/config/config-section.js';
import { SessionsConfig } from '../sessions.config.js';
import { EmbeddedVideoRooms } from './embedded-video-rooms.js';

const request = { sessionId: '0123456789abcdef01234567', startTime: new Date(), endTime: new Date() };

describe('embedded video rooms', () => {
  it('makes an unguessable room and password, with the link on the configured base URL', async () => {
    const rooms = new EmbeddedVideoRooms('https://meet.example.com/rooms/');
    const [first, second] = await Promise.all([rooms.create(request), rooms.create(request)]);
    expect(first.joinUrl).toBe(`https://meet.example.com/rooms/${first.videoRoomId}`);
    expect(first.videoRoomId).toMatch(/^room-[\w-]{16}$/);
    expect(first.password).toMatch(/^[\w-]{12}$/);
    expect(second.videoRoomId).not.toBe(first.videoRoomId);
    expect(second.password).not.toBe(first.password);
  });
});

describe('sessions configuration', () => {
  it('has defaults and refuses a bad base URL or window naming the variable', () => {
    expect(readConfigSection(SessionsConfig, {})).toEqual({
      SESSIONS_START_EARLY_MINUTES: 10,
      SESSIONS_JOIN_OPENS_MINUTES: 15,
      SESSIONS_VIDEO_PROVIDER: 'embedded',
      SESSIONS_VIDEO_BASE_URL: 'https://meet.atrium.local',
    });
    expect(() => readConfigSection(SessionsConfig, { SESSIONS_VIDEO_BASE_URL: 'meet' })).toThrow(/SESSIONS_VIDEO_BASE_URL/);
    expect(() => readConfigSection(SessionsConfig, { SESSIONS_JOIN_OPENS_MINUTES: '-1' })).toThrow(/SESSIONS_JOIN_OPENS_MINUTES/);
    expect(() => readConfigSection(SessionsConfig, { SESSIONS_VIDEO_PROVIDER: 'zoom' })).toThrow(/SESSIONS_VIDEO_PROVIDER/);
  });
});
