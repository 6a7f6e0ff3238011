// Issue 19, figure 2: lets the browser paint what is in the DOM (the
// prerendered lock screen) before a long piece of main-thread work runs.

/** The longest `run` waits for a frame that does not come (a visible page normally paints within ~16 ms). */
export const FRAME_WAIT_LIMIT_MS = 500;

/**
 * Calls `run` once, right after the browser's next frame: requestAnimationFrame
 * runs just before that frame's rendering, and a message posted from it is a
 * task after it. A hidden page renders no frames, so there `run` is called
 * right away, and a timer makes sure it runs even if no frame comes.
 */
export function afterNextPaint(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    run();
  };
  const timer = setTimeout(once, FRAME_WAIT_LIMIT_MS);
  if (document.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') {
    once();
    return;
  }
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      once();
    };
    channel.port2.postMessage(undefined);
  });
}
