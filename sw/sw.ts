// Service worker entry: only wires the concerns together.
import { installPrecache } from './precache';
import { listenForMessages } from './messages';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Parameters<typeof installPrecache>[1];
};

// `self.__WB_MANIFEST` must appear literally: the build injects the precache list here.
installPrecache(self, self.__WB_MANIFEST);
listenForMessages(self);
