// The baseline's favorites check with Atrium's work and nothing more: the token and account check, the
// path validated as Atrium's pipes do (a 24-hex user id, one of the seven types, an item slug), the same
// "the user or staff, else 404" rule, and one findOne on `userfavorites` by (userId, type, itemId) reading
// only _id: the keys of the unique index Atrium built on the same collection.
import { ObjectId } from 'mongodb';

const TYPES = ['agent', 'tool', 'prompt', 'template', 'workflow', 'content', 'experiment'];
const OBJECT_ID = /^[0-9a-fA-F]{24}$/;
const ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const isStaff = (actor) => actor.role === 'staff' || actor.role === 'admin';

export function registerFavoritesRoutes(app, { db, actorOf }) {
  const favorites = db.collection('userfavorites');

  app.get('/favorites/check/:userId/:type/:itemId', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    const { userId, type, itemId } = request.params;
    if (!OBJECT_ID.test(userId) || !TYPES.includes(type) || !ITEM_ID.test(itemId)) return reply.code(400).send({ status: 400 });
    if (actor.id !== userId.toLowerCase() && !isStaff(actor)) return reply.code(404).send({ status: 404 });
    const found = await favorites.findOne({ userId: new ObjectId(userId), type, itemId }, { projection: { _id: 1 } });
    return found ? { favorited: true, favoriteId: found._id.toHexString() } : { favorited: false };
  });
}
