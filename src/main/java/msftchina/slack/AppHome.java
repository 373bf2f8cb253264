package msftchina.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import msftchina.app.Asker;
import msftchina.app.Surface;

/**
 * The Home tab ({@link HomeView}): published when the user opens it, and again with the answer when
 * they click an example question, which is answered and recorded as asked on {@code home}.
 */
final class AppHome {

  /** The action ids of the example buttons: {@code home_example_0}, {@code home_example_1}, … */
  static final Pattern EXAMPLE_ACTION = Pattern.compile("home_example_\\d+");

  private final BotParts parts;
  private final HomeView home;
  private final SeenEvents seen;

  AppHome(BotParts parts) {
    this.parts = parts;
    this.seen = SeenEvents.forAnHour(parts.memory().seenEventsBytes());
    this.home = new HomeView(parts, BotApp.COMMAND);
  }

  // Events API app_home_opened: https://api.slack.com/events/app_home_opened
  // Block actions in a view: https://api.slack.com/reference/interaction-payloads/block-actions
  // Both acknowledged at once; the view is made (the answer found, the admins' part read from the
  // storage) and published by an outbox worker, never on the request's time.
  void register(App app) {
    app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> {
          AppHomeOpenedEvent event = payload.getEvent();
          if (!"messages".equals(event.getTab()) && seen.firstTime(payload.getEventId())) {
            String user = event.getUser();
            publish(
                ctx,
                user,
                () -> home.view(null, null, parts.storage().adminView(user)),
                "app_home_opened");
          }
          return ctx.ack();
        });
    app.blockAction(
        EXAMPLE_ACTION,
        (req, ctx) -> {
          long started = System.nanoTime();
          var payload = req.getPayload();
          if (payload.getActions() == null
              || payload.getActions().isEmpty()
              || payload.getUser() == null) {
            return ctx.ack();
          }
          String value = payload.getActions().get(0).getValue();
          String question = value == null ? "" : value;
          String user = payload.getUser().getId();
          String team = payload.getTeam() == null ? null : payload.getTeam().getId();
          Asker who = new Asker(Surface.HOME, team, null, user);
          publish(
              ctx,
              user,
              () ->
                  home.view(
                      question,
                      parts.service().ask(who, question, null, started).answer(),
                      parts.storage().adminView(user)),
              "home example");
          return ctx.ack();
        });
  }

  private void publish(Context ctx, String user, Supplier<View> view, String what) {
    if (user == null) {
      return;
    }
    Once<View> made = new Once<>(view);
    parts
        .outbox()
        .send(
            "home " + user,
            "views.publish",
            what + ": views.publish for " + user,
            () -> Delivery.fromApi(ctx.client().viewsPublish(p -> p.userId(user).view(made.get()))),
            null);
  }
}
