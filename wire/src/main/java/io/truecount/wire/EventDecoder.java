package io.truecount.wire;

import java.util.ArrayList;
import java.util.List;

/** Validates every event of a request against its source; good events pass even when others fail. */
public final class EventDecoder {
  private EventDecoder() {}

  public static Decoded decode(IngestRequest request, SourceContext ctx) throws WireException {
    checkKind(request, ctx);
    EventValidator validator = new EventValidator(ctx, request.testEventCode());
    List<io.truecount.core.Event> accepted = new ArrayList<>();
    List<FailedEvent> failed = new ArrayList<>();
    for (IngestRequest.Item item : request.items()) {
      EventValidator.Result result = validator.validate(item);
      if (result.event().isPresent()) {
        accepted.add(result.event().get());
      } else {
        failed.add(new FailedEvent(item.index(), result.eventId(), result.problems()));
      }
    }
    return new Decoded(accepted, failed, request.items().size());
  }

  private static void checkKind(IngestRequest request, SourceContext ctx) throws WireException {
    if (request.declaredKind().isPresent() && request.declaredKind().get() != ctx.source().kind()) {
      String declared = request.declaredKind().get().wireName();
      String field = request.format() == Format.EVENTS_API_2 ? "event_source" : request.format().sourceField();
      throw WireException.of(Problem.of(field, declared, "Source " + ctx.source().id() + " is a " + ctx.source().kind().wireName() + " source; send event_source \"" + ctx.source().kind().wireName() + "\" for it"));
    }
  }
}
