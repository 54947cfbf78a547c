// The port between pdfjs's display side and its worker side when both run in this thread.
//
// On Node pdfjs runs its worker code in the same thread behind a "fake worker" whose port
// structured-clones every message, as a real worker's would: every text item and every operator of
// every page was serialised and rebuilt once (about 9% of reading a PDF, and the garbage that makes
// two readers on two cores slow each other down). In one thread nothing needs to be serialised,
// except where the worker side reuses what it has sent: a stream chunk is sent and then emptied —
// getTextContent reassigns the chunk's `items` and `styles`, getOperatorList truncates the chunk's
// `fnArray` and `argsArray` in place. So the chunk object is copied one level and its arrays are
// sliced (all of them, not only the two known to be emptied: a copy too many costs little, a
// missing one would hand over an emptied list); everything else is handed over as it is.
// in-thread-port.test.ts checks documents read the same as through the cloning fake worker.
//
// Connected through pdfjs's public API: `new PDFWorker({ port })` on the display side and
// `WorkerMessageHandler.initializeFromPort(port)` on the worker side, as a real worker would be.

type Listener = (this: InThreadPort, event: { data: unknown }) => void;

/** A stream chunk taken over from the sender, who will empty the original. */
function handOver(message: unknown): unknown {
  if (message === null || typeof message !== 'object' || !('chunk' in message)) return message;
  const chunk = (message as { chunk: unknown }).chunk;
  if (chunk === null || typeof chunk !== 'object' || ArrayBuffer.isView(chunk) || Array.isArray(chunk))
    return message;
  const copy: Record<string, unknown> = { ...(chunk as Record<string, unknown>) };
  for (const [key, value] of Object.entries(copy)) if (Array.isArray(value)) copy[key] = value.slice();
  return { ...(message as object), chunk: copy };
}

export class InThreadPort {
  #listeners = new Set<Listener>();

  // Delivered later, in order, each in a task of its own like a worker's messages: never inside
  // the sender's call, and with the event loop turning in between — pdfjs's evaluator yields only
  // to promise jobs, so without this a whole document would be read in one turn and neither the
  // read's deadline (pdf-document.ts) nor anything else on this thread would run until it ended.
  postMessage(message: unknown): void {
    const event = { data: handOver(message) };
    setImmediate(() => {
      for (const listener of this.#listeners) {
        // pdfjs answers its own failures with messages; an exception escaping here would end the
        // process, and the read's deadline already ends a read left waiting for an answer.
        try {
          listener.call(this, event);
        } catch {}
      }
    });
  }

  addEventListener(_type: 'message', listener: Listener): void {
    this.#listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.#listeners.delete(listener);
  }

  terminate(): void {
    this.#listeners.clear();
  }
}
