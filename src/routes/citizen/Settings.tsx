/**
 * Settings: where to change the language (the header's picker, the one on
 * every page), text size (remembered on this phone), and what the app
 * keeps on the phone — space used, and whether the browser promised to keep
 * it (persistent storage), with a button to ask for that promise.
 */
import { Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { requestPersistentStorage, storageEstimate } from '../../db/storage';
import { language, t } from '../../i18n';
import { ChoiceGroup } from '../../ui/Field';
import { formatBytes } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { TEXT_SIZES, setTextSize, textSize } from '../../ui/text-size';

export default function Settings() {
  const [estimate, { refetch }] = createResource(storageEstimate);
  const [denied, setDenied] = createSignal(false);

  const keepSafe = async () => {
    const ok = await requestPersistentStorage();
    setDenied(!ok);
    await refetch();
  };

  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>

      <section class="section" aria-labelledby="settings-language">
        <h2 id="settings-language" class="heading-m">
          {t('settings.languageTitle')}
        </h2>
        <p>{t('settings.languageWhere')}</p>
      </section>

      <section class="section" aria-labelledby="settings-text-size">
        <h2 id="settings-text-size" class="heading-m">
          {t('settings.textSizeTitle')}
        </h2>
        <ChoiceGroup
          id="text-size"
          type="radio"
          label={t('settings.textSizeLegend')}
          hint={t('settings.textSizeHint')}
          options={TEXT_SIZES.map((s) => ({ value: s, label: t(`settings.textSize.${s}`) }))}
          isChecked={(v) => textSize() === v}
          onChange={(v, checked) => {
            const size = TEXT_SIZES.find((s) => s === v);
            if (checked && size) setTextSize(size);
          }}
        />
      </section>

      <section class="section" aria-labelledby="settings-storage">
        <h2 id="settings-storage" class="heading-m">
          {t('settings.storageTitle')}
        </h2>
        <Switch>
          <Match when={estimate.loading}>
            <p>{t('app.loading')}</p>
          </Match>
          <Match when={!estimate()}>
            <p>{t('settings.storageUnknown')}</p>
          </Match>
          <Match when={estimate()}>
            {(e) => (
              <>
                <p>
                  {t('settings.storageUsed', {
                    used: formatBytes(e().usage, language()),
                    quota: formatBytes(e().quota, language()),
                  })}
                </p>
                <p>{t(e().persisted ? 'settings.persisted' : 'settings.notPersisted')}</p>
                <Show when={!e().persisted}>
                  <button type="button" class="button button--secondary" onClick={() => void keepSafe()}>
                    {t('settings.keepSafe')}
                  </button>
                  <Show when={denied()}>
                    <p role="status">{t('settings.persistDenied')}</p>
                  </Show>
                </Show>
              </>
            )}
          </Match>
        </Switch>
      </section>
    </>
  );
}
