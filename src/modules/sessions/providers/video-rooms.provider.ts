import { adapterProvider } from '../../../core/adapters/adapter-provider.js';
import { SessionsConfig } from '../sessions.config.js';
import { EmbeddedVideoRooms } from './embedded-video-rooms.js';
import { VIDEO_ROOMS, type VideoRooms } from './video-room.port.js';

/** The embedded rooms are the only adapter so far; a vendor adapter plugs in here when SESSIONS_VIDEO_PROVIDER names one. */
export const videoRoomsProvider = adapterProvider<VideoRooms, [SessionsConfig]>({
  port: VIDEO_ROOMS,
  name: 'video rooms',
  inject: [SessionsConfig],
  vendor: () => undefined,
  embedded: (config) => new EmbeddedVideoRooms(config.SESSIONS_VIDEO_BASE_URL),
});
