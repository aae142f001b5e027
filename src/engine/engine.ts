// The Engine facade (design.md 3.1): the one object everything above the engine talks to.
import { applyCommand } from './commands/apply';
import { drainExternalOutbox } from './client/external';
import { metricsHistory } from './metrics/history';
import { sampleUpTo } from './metrics/sample';
import { checkScenarioShape } from './scenarioCheck';
import { buildWorld, emptyWorld } from './sim/create';
import { runTask } from './sim/dispatch';
import { restoreWorld, saveWorld } from './sim/persist';
import { engineMemory } from './view/memory';
import { peekTime, pop, runDue } from './sim/queue';
import { EngineRunawayError, EVENT_BUDGET_PER_INSTANT } from './runaway';
import { Sim } from './sim/sim';
import type { SharedLogStore } from './sim/sharedLogs';
import type { Task, World } from './sim/world';
import type {
  ClusterView,
  Command,
  ExternalAnswer,
  DispatchResult,
  Engine,
  EngineError,
  EngineMemory,
  LogRecordView,
  MetricsHistory,
  SavedEngine,
  Scenario,
  SimEvent,
} from './types';
import { buildView, partitionLog } from './view/view';
import { ENGINE_VERSION } from './version';

/** Thrown by createEngine / restoreEngine for input it cannot use; `errors` name the problems. */
export class EngineInputError extends Error {
  constructor(readonly errors: EngineError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'EngineInputError';
  }
}

class SimEngine implements Engine {
  private readonly sim: Sim;

  /** Runs one task (bound once, for runDue), counting it against the instant's budget. */
  private readonly run: (task: Task) => void;
  /** The simulated instant whose tasks are being counted, and how many of them ran. */
  private instant = -1;
  private ranInInstant = 0;
  /** The last command applied (the user's or a scenario action), named in a runaway error. */
  private lastCommand: Command | null = null;

  constructor(
    world: World,
    private ran = 0,
  ) {
    const sim = (this.sim = new Sim(world));
    const budget = world.maxEventsPerInstant ?? EVENT_BUDGET_PER_INSTANT;
    this.run = (task) => {
      if (++this.ranInInstant > budget)
        throw new EngineRunawayError(sim.world.now, this.lastCommand, budget);
      if (task.k === 'action') this.lastCommand = task.command;
      runTask(sim, task);
      this.ran++;
    };
  }

  /** Start counting a new instant's tasks (the budget is per simulated millisecond). */
  private enter(at: number): void {
    if (at !== this.instant) {
      this.instant = at;
      this.ranInInstant = 0;
    }
  }

  /**
   * Run the tasks due at `at`. Over budget, the task that would have run goes back to the head
   * of the queue before the error leaves, so the world stays whole (and can be saved or viewed).
   */
  private runInstant(at: number, one: boolean): void {
    this.enter(at);
    try {
      if (one) this.run(pop(this.sim.world.queue)!);
      else runDue(this.sim.world.queue, at, this.run);
    } catch (error) {
      if (error instanceof EngineRunawayError) this.sim.world.queue.head--;
      throw error;
    }
  }

  get eventsRun(): number {
    return this.ran;
  }

  get now(): number {
    return this.sim.world.now;
  }

  get seed(): number {
    return this.sim.world.seed;
  }

  dispatch(command: Command): DispatchResult {
    if (
      typeof command !== 'object' ||
      command === null ||
      typeof (command as { type?: unknown }).type !== 'string'
    ) {
      return {
        ok: false,
        error: {
          code: 'UNKNOWN_COMMAND',
          message: 'a command is an object with a "type"',
          field: 'type',
        },
      };
    }
    const result = applyCommand(this.sim, command, 'user');
    if (result.ok) this.lastCommand = command;
    return result;
  }

  advanceTo(ms: number): void {
    const world = this.sim.world;
    const target = Math.floor(ms);
    if (!(target > world.now)) return;
    for (;;) {
      const next = peekTime(world.queue);
      if (next === null || next > target) break;
      sampleUpTo(world, next);
      world.now = next;
      this.runInstant(next, false);
    }
    world.now = target;
    sampleUpTo(world, target);
  }

  step(): boolean {
    const world = this.sim.world;
    const next = peekTime(world.queue);
    if (next === null) return false;
    sampleUpTo(world, next);
    world.now = next;
    this.runInstant(next, true);
    return true;
  }

  nextEventTime(): number | null {
    return peekTime(this.sim.world.queue);
  }

  view(): ClusterView {
    return buildView(this.sim);
  }

  partitionLog(
    topic: string,
    partition: number,
    options?: { brokerId?: number; fromOffset?: number; limit?: number },
  ): LogRecordView[] {
    return partitionLog(this.sim, topic, partition, options);
  }

  metrics(fromT?: number): MetricsHistory {
    return metricsHistory(this.sim.world, fromT);
  }

  memory(): EngineMemory {
    return engineMemory(this.sim.world);
  }

  drainEvents(): SimEvent[] {
    const events = this.sim.world.events;
    this.sim.world.events = [];
    return events;
  }

  drainExternal(): ExternalAnswer[] {
    return drainExternalOutbox(this.sim);
  }

  save(logs?: SharedLogStore): SavedEngine {
    this.sim.syncRng();
    return {
      format: 'kafka-sim-engine',
      engineVersion: ENGINE_VERSION,
      eventsRun: this.ran,
      state: saveWorld(this.sim.world, logs),
    };
  }
}

/** Semantic checks of a scenario (the shape is the scenario layer's job): [] when it is fine. */
export function checkScenario(scenario: Scenario): EngineError[] {
  const shape = checkScenarioShape(scenario);
  if (shape.length > 0) return shape;
  const sim = new Sim(emptyWorld(scenario));
  return buildWorld(sim, scenario);
}

export function createEngine(scenario: Scenario): Engine {
  const shape = checkScenarioShape(scenario);
  if (shape.length > 0) throw new EngineInputError(shape);
  const sim = new Sim(emptyWorld(scenario));
  const errors = buildWorld(sim, scenario);
  if (errors.length > 0) throw new EngineInputError(errors);
  sim.syncRng();
  return new SimEngine(sim.world);
}

export function restoreEngine(saved: SavedEngine, logs?: SharedLogStore): Engine {
  if (!saved || saved.format !== 'kafka-sim-engine') {
    throw new EngineInputError([
      {
        code: 'INVALID_SAVE',
        message: 'not a saved engine state (format must be "kafka-sim-engine")',
        field: 'format',
      },
    ]);
  }
  if (saved.engineVersion !== ENGINE_VERSION) {
    throw new EngineInputError([
      {
        code: 'INVALID_SAVE',
        message: `saved by engine ${saved.engineVersion}, this is ${ENGINE_VERSION}: replay the scenario instead`,
        field: 'engineVersion',
      },
    ]);
  }
  return new SimEngine(restoreWorld(saved.state, logs), saved.eventsRun ?? 0);
}
