package msftchina.slack;

import com.google.gson.Gson;
import msftchina.app.AskService;
import msftchina.app.Storage;

/**
 * What the Slack handlers share: the service that answers, the replies in each language, the outbox
 * that sends them, the storage of claims and records, the seal of button values, the threads'
 * memory and the bounds of what handlers remember, the private notes to users, and the JSON of
 * Slack's payloads.
 *
 * @param service answers and records questions
 * @param replies the Block Kit replies, in the asker's language
 * @param outbox sends replies, fair between channels
 * @param storage claims events and records questions and votes
 * @param seal seals and opens button values
 * @param threads the last answer in each thread, for follow-ups
 * @param memory the bounds of what the handlers keep in memory
 * @param notes tells users privately what became of their clicks
 * @param json Slack's JSON (snake case)
 */
record BotParts(
    AskService service,
    ReplyLanguages replies,
    SendQueue outbox,
    Storage storage,
    ButtonSeal seal,
    ThreadMemory threads,
    SlackMemory memory,
    PrivateNotes notes,
    Gson json) {}
