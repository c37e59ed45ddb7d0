package io.truecount.server.cli;

import io.truecount.server.admin.AdsAdmin;
import io.truecount.server.http.AdsViews;
import io.truecount.store.SqliteAdsStore;
import io.truecount.store.SqliteCatalog;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code truecount campaign|adgroup|ad ...}: the ads tree in the data directory. A running server
 * picks up changes made here at its next start; while it runs, use the admin API
 * ({@code /api/v1/campaigns}, {@code /api/v1/adgroups}, {@code /api/v1/ads}), which re-attributes at once.
 */
final class AdsCommand {
  private AdsCommand() {}

  static <T> T withAds(ConfigOptions options, Function<AdsAdmin, T> action) {
    var dir = options.load(Map.of()).dataDir();
    try (SqliteCatalog catalog = new SqliteCatalog(dir.resolve("catalog.db")); SqliteAdsStore store = new SqliteAdsStore(dir.resolve("ads.db"))) {
      SecureRandom random = new SecureRandom();
      return action.apply(new AdsAdmin(catalog, store, Clock.systemUTC(), random, advertiser -> io.truecount.server.SharedChanges.announceAdsChange(catalog, random)));
    }
  }

  @Command(name = "campaign", mixinStandardHelpOptions = true, description = "Manage campaigns.", subcommands = {CampaignCreate.class, CampaignList.class})
  static final class Campaigns {}

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a campaign.")
  static final class CampaignCreate implements Runnable {
    @Mixin ConfigOptions options;
    @Option(names = "--advertiser", required = true) String advertiser;
    @Option(names = "--id", description = "TikTok's campaign id to mirror; generated when absent.") String id;
    @Option(names = "--name", required = true) String name;
    @Option(names = "--objective", defaultValue = "SALES", description = "SALES, LEAD_GENERATION, APP_PROMOTION, TRAFFIC, ENGAGEMENT, REACH, VIDEO_VIEWS") String objective;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      Output.print(AdsViews.campaign(withAds(options, a -> a.createCampaign(advertiser, Optional.ofNullable(id), name, objective))), json);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List an advertiser's campaigns.")
  static final class CampaignList implements Runnable {
    @Mixin ConfigOptions options;
    @Option(names = "--advertiser", required = true) String advertiser;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      Output.print(Output.array(withAds(options, a -> a.campaigns(advertiser)).stream().map(AdsViews::campaign).toList()), json);
    }
  }

  @Command(name = "adgroup", mixinStandardHelpOptions = true, description = "Manage ad groups (attribution settings freeze when published).",
      subcommands = {AdGroupCreate.class, AdGroupList.class, AdGroupPublish.class})
  static final class AdGroups {}

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an ad group.")
  static final class AdGroupCreate implements Runnable {
    @Mixin ConfigOptions options;
    @Option(names = "--campaign", required = true) String campaign;
    @Option(names = "--id") String id;
    @Option(names = "--name", required = true) String name;
    @Option(names = "--source", required = true, description = "The event source (pixel code, app id, event set id).") String source;
    @Option(names = "--event", defaultValue = "Purchase", description = "Optimization event.") String event;
    @Option(names = "--click-window", description = "ONE_DAY, SEVEN_DAYS (default), FOURTEEN_DAYS, TWENTY_EIGHT_DAYS") String click;
    @Option(names = "--view-window", description = "OFF, ONE_DAY (default), SEVEN_DAYS") String view;
    @Option(names = "--engaged-view-window", description = "OFF, ONE_DAY (default), SEVEN_DAYS, TWENTY_EIGHT_DAYS") String engaged;
    @Option(names = "--count", description = "EVERY (default) or ONCE") String count;
    @Option(names = "--publish", description = "Publish now: settings freeze.") boolean publish;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      var settings = new AdsAdmin.SettingsChange(Optional.ofNullable(click), Optional.ofNullable(view), Optional.ofNullable(engaged), Optional.ofNullable(count));
      Output.print(AdsViews.adGroup(withAds(options, a -> a.createAdGroup(campaign, Optional.ofNullable(id), name, source, event, settings, publish))), json);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List an advertiser's ad groups.")
  static final class AdGroupList implements Runnable {
    @Mixin ConfigOptions options;
    @Option(names = "--advertiser", required = true) String advertiser;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      Output.print(Output.array(withAds(options, a -> a.adGroups(advertiser)).stream().map(AdsViews::adGroup).toList()), json);
    }
  }

  @Command(name = "publish", mixinStandardHelpOptions = true, description = "Publish an ad group: its attribution settings freeze.")
  static final class AdGroupPublish implements Runnable {
    @Mixin ConfigOptions options;
    @Parameters(paramLabel = "ADGROUP") String adGroup;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      Output.print(AdsViews.adGroup(withAds(options, a -> a.publish(adGroup))), json);
    }
  }

  @Command(name = "ad", mixinStandardHelpOptions = true, description = "Manage ads.", subcommands = {AdCreate.class, AdList.class})
  static final class Ads {}

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an ad.")
  static final class AdCreate implements Runnable {
    @Mixin ConfigOptions options;
    @Option(names = "--adgroup", required = true) String adGroup;
    @Option(names = "--id") String id;
    @Option(names = "--name", required = true) String name;
    @Option(names = "--landing-domain", description = "Where the click redirect may send users (repeatable).") List<String> domains;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      Output.print(AdsViews.ad(withAds(options, a -> a.createAd(adGroup, Optional.ofNullable(id), name, domains == null ? List.of() : domains))), json);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List an advertiser's ads.")
  static final class AdList implements Runnable {
    @Mixin ConfigOptions options;
    @Option(names = "--advertiser", required = true) String advertiser;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      Output.print(Output.array(withAds(options, a -> a.ads(advertiser)).stream().map(AdsViews::ad).toList()), json);
    }
  }
}
