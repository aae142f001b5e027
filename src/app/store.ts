import { create } from 'zustand';

export interface SimState {
  status: 'starting' | 'ready' | 'error';
  engineVersion: string | null;
  simNow: number;
  error: string | null;
}

export const useSimStore = create<SimState>(() => ({
  status: 'starting',
  engineVersion: null,
  simNow: 0,
  error: null,
}));
