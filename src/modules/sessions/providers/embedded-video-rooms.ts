import { randomBytes } from 'node:crypto';
import type { VideoRoom, VideoRoomRequest, VideoRooms } from './video-room.port.js';

/**
 * Rooms without a vendor: an unguessable room id and password from the crypto random source, and a join link
 * on the configured base URL (a self-hosted meeting server, or a placeholder host offline and in tests).
 */
export class EmbeddedVideoRooms implements VideoRooms {
  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  create(_request: VideoRoomRequest): Promise<VideoRoom> {
    const videoRoomId = `room-${randomBytes(12).toString('base64url')}`;
    const password = randomBytes(9).toString('base64url');
    return Promise.resolve({ videoRoomId, joinUrl: `${this.baseUrl}/${videoRoomId}`, password });
  }
}
