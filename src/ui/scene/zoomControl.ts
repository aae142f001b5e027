// The zoom actions of the registry (keyboard +/−/0, the toolbar) reach the scene through here.
import type { ZoomDirection } from '../../app/actions';

let handler: ((direction: ZoomDirection) => void) | null = null;

export function setZoomHandler(next: (direction: ZoomDirection) => void): () => void {
  handler = next;
  return () => {
    if (handler === next) handler = null;
  };
}

export function zoomScene(direction: ZoomDirection): void {
  handler?.(direction);
}
