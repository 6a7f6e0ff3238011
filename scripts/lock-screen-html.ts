// Build step (issue 19 item 2): puts the lock screen into index.html, so a
// usable lock screen is on screen (with the stylesheet, linked in <head>)
// before any JS module has run. The markup is the real React tree rendered
// with react-dom/server (app/prerender.tsx), which app/main.tsx hydrates: it
// cannot drift from the components. No script is added: the CSP stays strict.
// react-dom/server runs here, in the build, and never reaches the bundle.
import { createServer, type Plugin, type ViteDevServer } from 'vite';

const MARKER = '<div id="root"></div>';

async function render(server: ViteDevServer): Promise<string> {
  const mod = (await server.ssrLoadModule('/app/prerender.tsx')) as { renderLockScreen: () => string };
  return mod.renderLockScreen();
}

/** Renders the lock screen with a throw-away Vite server in SSR mode (no config file, no plugins). */
export async function prerenderLockScreen(root: string): Promise<string> {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    // Its package resolves to CommonJS in Node; bundle its ES module instead.
    ssr: { noExternal: ['workbox-window'] },
  });
  try {
    return await render(server);
  } finally {
    await server.close();
  }
}

const stylesheet = /\n?\s*<link rel="stylesheet"[^>]*>/;
const moduleScript = /<script type="module"[^>]*><\/script>/;

/**
 * Vite puts the entry's <script type="module"> before its stylesheet. The
 * script does not block rendering, the stylesheet does: asking for it first
 * lets the prerendered lock screen paint without waiting behind the JS fetch.
 */
export function stylesheetFirst(html: string): string {
  const link = stylesheet.exec(html)?.[0];
  const script = moduleScript.exec(html);
  if (!link || !script || html.indexOf(link) < script.index) return html;
  return html.replace(link, '').replace(script[0], `${link.trim()}\n    ${script[0]}`);
}

export function lockScreenHtmlPlugin(): Plugin[] {
  return [
    prerenderPlugin(),
    { name: 'baken-stylesheet-first', transformIndexHtml: { order: 'post', handler: stylesheetFirst } },
  ];
}

function prerenderPlugin(): Plugin {
  let root = process.cwd();
  let dev: ViteDevServer | undefined;
  return {
    name: 'baken-lock-screen-html',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      dev = server;
    },
    transformIndexHtml: {
      order: 'pre',
      handler: async (html) => {
        if (!html.includes(MARKER)) throw new Error(`index.html lacks ${MARKER}`);
        const markup = dev ? await render(dev) : await prerenderLockScreen(root);
        return html.replace(MARKER, `<div id="root">${markup}</div>`);
      },
    },
  };
}
