import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint, FRAME_WAIT_LIMIT_MS } from './after-next-paint';

/** A page whose frames the test runs by hand. */
function stubPage(visibilityState: 'visible' | 'hidden') {
  const frames: FrameRequestCallback[] = [];
  vi.stubGlobal('document', { visibilityState });
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  return {
    /** Runs the callbacks of one frame (its rendering follows them). */
    frame: () => {
      for (const callback of frames.splice(0)) callback(0);
    },
  };
}

/** Lets a posted message (a task) be delivered. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('afterNextPaint', () => {
  it('runs after the next frame, in a task of its own, and only once', async () => {
    const page = stubPage('visible');
    const run = vi.fn();
    afterNextPaint(run);
    await nextTask();
    expect(run).not.toHaveBeenCalled();
    page.frame();
    // Not inside the frame's callbacks: the frame renders first.
    expect(run).not.toHaveBeenCalled();
    await nextTask();
    expect(run).toHaveBeenCalledTimes(1);
    page.frame();
    await new Promise((resolve) => setTimeout(resolve, FRAME_WAIT_LIMIT_MS + 50));
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs at once on a hidden page, which renders no frames', () => {
    stubPage('hidden');
    const run = vi.fn();
    afterNextPaint(run);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs after the time limit when no frame comes, and not again when one does', async () => {
    vi.useFakeTimers();
    const page = stubPage('visible');
    const run = vi.fn();
    afterNextPaint(run);
    vi.advanceTimersByTime(FRAME_WAIT_LIMIT_MS - 1);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
    page.frame();
    await nextTask();
    expect(run).toHaveBeenCalledTimes(1);
  });
});
