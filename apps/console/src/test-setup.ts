// What jsdom lacks and Ant Design asks for: media queries and element size observation.
if (typeof window !== 'undefined') {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
  // Nothing is laid out in jsdom, so there is never a size change to report.
  const nothing = () => undefined;
  class NoResizeObserver {
    observe = nothing;
    unobserve = nothing;
    disconnect = nothing;
  }
  Object.assign(globalThis, { ResizeObserver: NoResizeObserver });
}
