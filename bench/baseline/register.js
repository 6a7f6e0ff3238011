// Bench baseline (figure 2): the bare page registers its own tiny service worker.
// It is served with Baken's headers, whose CSP requires Trusted Types and
// allows one policy, "baken-sw", for exactly this.
if ('serviceWorker' in navigator) {
  const url = self.trustedTypes
    ? self.trustedTypes
        .createPolicy('baken-sw', {
          createScriptURL: (value) => {
            if (value !== '/sw.js') throw new TypeError(`Refused script URL ${value}`);
            return value;
          },
        })
        .createScriptURL('/sw.js')
    : '/sw.js';
  navigator.serviceWorker.register(url);
}
