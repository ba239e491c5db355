/**
 * Where the problem is: the device's location (with its accuracy in metres)
 * or an address or landmark typed in the person's words. Either is enough,
 * and a map is never needed. Every way "Use my location" can fail has its
 * own plain message pointing to the typed alternative.
 */
import { Match, Show, Switch, createSignal } from 'solid-js';
import { language, t } from '../../i18n';
import { TextField } from '../../ui/Field';
import { formatNumber } from '../../ui/format';
import { sentences } from '../../ui/speech';
import { Icon } from '../../ui/icons';
import type { DraftValues } from '../../db/records';
import { BUILT_IN_IDS } from '../field-ids';
import { locate, type LocateProblem } from '../geolocation';

type Place = DraftValues['location'];

export function LocationField(props: {
  value: Place;
  onChange: (change: (place: Place) => void) => void;
  error?: string | undefined;
  /** Let the browser offer and remember addresses (not on a shared device). */
  autofill: boolean;
}) {
  const [finding, setFinding] = createSignal(false);
  const [problem, setProblem] = createSignal<LocateProblem | undefined>();
  const hasFix = () => props.value.lat !== undefined && props.value.long !== undefined;

  const useLocation = async () => {
    setFinding(true);
    setProblem(undefined);
    const r = await locate();
    setFinding(false);
    if (!r.ok) {
      setProblem(r.problem);
      return;
    }
    props.onChange((place) => {
      place.lat = r.lat;
      place.long = r.long;
      place.accuracy_m = r.accuracy_m;
    });
  };

  const clear = () => {
    props.onChange((place) => {
      delete place.lat;
      delete place.long;
      delete place.accuracy_m;
    });
    document.getElementById(BUILT_IN_IDS.useLocation)?.focus();
  };

  return (
    <div class="location">
      <p>{t('field.location.intro')}</p>
      <div class="field">
        <button
          type="button"
          id={BUILT_IN_IDS.useLocation}
          class="button button--secondary button--icon"
          aria-describedby="location-status"
          onClick={() => void useLocation()}
        >
          <Icon name="location" />
          <span>{t('field.location.use')}</span>
        </button>
        <div id="location-status" role="status" class="location__status">
          <Switch>
            <Match when={finding()}>
              <p>{t('field.location.finding')}</p>
            </Match>
            <Match when={hasFix()}>
              <p class="location__found">
                {t('field.location.found', {
                  metres: formatNumber(props.value.accuracy_m ?? 0, language()),
                })}
              </p>
            </Match>
            <Match when={problem()}>
              {(p) => <p class="location__problem">{t(`field.location.problem.${p()}`)}</p>}
            </Match>
          </Switch>
        </div>
        <Show when={hasFix() && !finding()}>
          <button type="button" class="button button--secondary" onClick={clear}>
            {t('field.location.clear')}
          </button>
        </Show>
      </div>
      <p class="or">{t('field.location.or')}</p>
      <TextField
        id={BUILT_IN_IDS.address}
        label={t('field.location.addressLabel')}
        hint={t('field.location.addressHint')}
        listen={sentences(t('field.location.addressLabel'), t('field.location.addressHint'))}
        error={props.error}
        autocomplete={props.autofill ? 'street-address' : 'off'}
        value={props.value.address_string}
        onInput={(v) =>
          props.onChange((place) => {
            place.address_string = v;
          })
        }
      />
    </div>
  );
}
