// React's way to a simulator: <SimulatorProvider simulator={...}> around a part of the page, and
// hooks for the components inside it. Two providers side by side show two independent clusters.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SimClient } from './client';
import type { EventLogState } from './eventLog';
import type { FrameBuffer } from './frameBuffer';
import type { Simulator } from './simulator';
import type { SimState, SimStore } from './store';

const SimulatorContext = createContext<Simulator | null>(null);

export function SimulatorProvider({
  simulator,
  children,
}: {
  simulator: Simulator;
  children: ReactNode;
}) {
  return <SimulatorContext.Provider value={simulator}>{children}</SimulatorContext.Provider>;
}

export function useSimulator(): Simulator {
  const simulator = useContext(SimulatorContext);
  if (!simulator) throw new Error('useSimulator outside <SimulatorProvider>');
  return simulator;
}

/** Read the store: the component re-renders when the selected value changes. */
export function useSim<U>(selector: (state: SimState) => U): U {
  return useStore(useSimulator().store, selector);
}

/** The store itself, for handlers that read or write it without subscribing. */
export function useSimStore(): SimStore {
  return useSimulator().store;
}

export function useSimClient(): SimClient {
  return useSimulator().client;
}

export function useFrameBuffer(): FrameBuffer {
  return useSimulator().buffer;
}

export function useEventLog<U>(selector: (state: EventLogState) => U): U {
  return useStore(useSimulator().log, selector);
}
