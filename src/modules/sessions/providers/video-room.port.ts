/** What a session needs of a room: an id at the provider, the link participants open and its password. */
export type VideoRoom = { videoRoomId: string; joinUrl: string; password: string };

/** What the room is for, so a vendor adapter can name and time it. */
export type VideoRoomRequest = { sessionId: string; startTime: Date; endTime: Date };

/** The port every video-room adapter implements; callers inject VIDEO_ROOMS and never know which one. */
export interface VideoRooms {
  create(request: VideoRoomRequest): Promise<VideoRoom>;
}

export const VIDEO_ROOMS = Symbol('VIDEO_ROOMS');
