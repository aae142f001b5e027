// deleteTopic (kafka-topics --delete, the DeleteTopics request): refused for an unknown topic, for
// Kafka's internal topics (kafka-topics: "is a kafka internal topic and is not allowed to be
// marked for deletion") and without an active controller; otherwise the controller deletes it.
import { controllerCanAct } from '../controller/controller';
import { deleteTopicNow } from '../controller/deleteTopic';
import { isInternalTopic } from '../sim/internalTopics';
import type { Sim } from '../sim/sim';
import { controllerUnavailable } from './controllerUnavailable';
import { fail, OK, type Result } from './results';

export function deleteTopic(sim: Sim, name: string): Result {
  if (typeof name === 'string' && isInternalTopic(name) && sim.world.topics[name])
    return fail(
      'INTERNAL_TOPIC',
      `topic: "${name}" is a Kafka internal topic and may not be deleted`,
      'topic',
      { topic: name },
    );
  if (typeof name !== 'string' || !sim.world.topics[name])
    return fail('UNKNOWN_TOPIC_OR_PARTITION', `topic: no topic "${String(name)}"`, 'topic', {
      topic: String(name),
    });
  if (!controllerCanAct(sim)) return controllerUnavailable(sim);
  deleteTopicNow(sim, name);
  return OK;
}
